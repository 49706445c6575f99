import { z } from 'zod';

/** Figures a `threshold` or `change` rule can watch (api.md "Alerts"). */
export const RULE_METRICS = [
  'cycle-time.p50',
  'cycle-time.p85',
  'cycle-time.p95',
  'lead-time.p85',
  'throughput',
  'wip',
  'flow-efficiency',
  'blocked-share',
  'net-flow',
  'load-per-fte',
  'reopen-rate',
] as const;
export type RuleMetric = (typeof RULE_METRICS)[number];

export const ALERT_KINDS = ['threshold', 'change', 'process-limits', 'wip-limit', 'sle-breach', 'forecast-slip', 'data-quality'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const metric = z.enum(RULE_METRICS);
const windowDays = z.number().int().min(1).max(366).default(28);

export const thresholdParamsSchema = z.strictObject({ metric, op: z.enum(['>', '<']), value: z.number().finite(), windowDays });
export const changeParamsSchema = z.strictObject({
  metric,
  direction: z.enum(['up', 'down']),
  pct: z.number().finite().positive(),
  windowDays,
  baselineWeeks: z.number().int().min(1).max(52).default(8),
});
export const processLimitsParamsSchema = z.strictObject({
  metric: z.enum(['throughput', 'cycle-time.p85']),
  /** At least two weekly values are needed for a moving range. */
  baselineWeeks: z.number().int().min(2).max(104).default(12),
});
export const wipLimitParamsSchema = z.strictObject({ limit: z.number().int().min(0), stage: z.string().trim().min(1).max(200).optional() });
export const sleBreachParamsSchema = z.strictObject({ percentile: z.number().gt(0).lt(100).default(85) });
export const forecastSlipParamsSchema = z.strictObject({ minProbability: z.number().min(0).max(1).default(0.7) });
export const dataQualityParamsSchema = z.strictObject({});

export const PARAMS_SCHEMAS = {
  threshold: thresholdParamsSchema,
  change: changeParamsSchema,
  'process-limits': processLimitsParamsSchema,
  'wip-limit': wipLimitParamsSchema,
  'sle-breach': sleBreachParamsSchema,
  'forecast-slip': forecastSlipParamsSchema,
  'data-quality': dataQualityParamsSchema,
} as const;

export type ThresholdParams = z.infer<typeof thresholdParamsSchema>;
export type ChangeParams = z.infer<typeof changeParamsSchema>;
export type ProcessLimitsParams = z.infer<typeof processLimitsParamsSchema>;
export type WipLimitParams = z.infer<typeof wipLimitParamsSchema>;
export type SleBreachParams = z.infer<typeof sleBreachParamsSchema>;
export type ForecastSlipParams = z.infer<typeof forecastSlipParamsSchema>;
export type DataQualityParams = z.infer<typeof dataQualityParamsSchema>;

const id = z.string().trim().min(1).max(200);

/** Exactly one of boardId, teamId, portfolioId. */
export const ruleScopeSchema = z
  .strictObject({ boardId: id.optional(), teamId: id.optional(), portfolioId: id.optional() })
  .refine((s) => [s.boardId, s.teamId, s.portfolioId].filter((v) => v !== undefined).length === 1, 'give exactly one of boardId, teamId, portfolioId');
export type RuleScope = z.infer<typeof ruleScopeSchema>;

const common = {
  name: z.string().trim().min(1).max(200),
  scope: ruleScopeSchema,
  severity: z.enum(['info', 'warning', 'critical']),
  channelIds: z.array(z.uuid()).max(20).refine((ids) => new Set(ids).size === ids.length, 'channelIds must not repeat'),
  forMinutes: z.number().finite().min(0).max(525_600).default(0),
  repeatHours: z.number().finite().positive().max(8_760).default(24),
  notifyResolved: z.boolean().default(true),
  enabled: z.boolean().default(true),
};

/** A rule as POSTed or PUT (the whole document), with api.md's defaults filled in; omitted params parse as `{}`. */
export const alertRuleInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...common, kind: z.literal('threshold'), params: thresholdParamsSchema.prefault({} as never) }),
  z.strictObject({ ...common, kind: z.literal('change'), params: changeParamsSchema.prefault({} as never) }),
  z.strictObject({ ...common, kind: z.literal('process-limits'), params: processLimitsParamsSchema.prefault({} as never) }),
  z.strictObject({ ...common, kind: z.literal('wip-limit'), params: wipLimitParamsSchema.prefault({} as never) }),
  z.strictObject({ ...common, kind: z.literal('sle-breach'), params: sleBreachParamsSchema.prefault({}) }),
  z.strictObject({ ...common, kind: z.literal('forecast-slip'), params: forecastSlipParamsSchema.prefault({}) }),
  z.strictObject({ ...common, kind: z.literal('data-quality'), params: dataQualityParamsSchema.prefault({}) }),
]);
export type AlertRuleInput = z.infer<typeof alertRuleInputSchema>;

/** A stored rule: the document plus its identity. */
export type AlertRule = AlertRuleInput & { readonly id: string; readonly workspaceId: string };

/** `load-per-fte` needs a calendar, so a team or a portfolio. */
export function ruleProblems(rule: AlertRuleInput): Array<{ path: string; message: string }> {
  const metricOf = 'metric' in rule.params ? rule.params.metric : null;
  if (metricOf === 'load-per-fte' && rule.scope.boardId !== undefined) return [{ path: 'params.metric', message: 'load-per-fte is figured for a team or a portfolio, not a board' }];
  return [];
}
