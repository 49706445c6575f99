import { z } from 'zod';

/** A threshold on one flow figure, evaluated periodically per workspace. */
export const alertRuleSchema = z.object({
  id: z.string().min(1),
  workspaceId: z.string().min(1),
  name: z.string().min(1),
  metric: z.enum(['wip', 'throughput', 'cycle_time_p85', 'aging_over_sle', 'blocked_share']),
  comparator: z.enum(['above', 'below']),
  threshold: z.number().finite(),
  boardIds: z.array(z.string()).default([]),
  channels: z.array(z.discriminatedUnion('kind', [z.object({ kind: z.literal('webhook'), url: z.url() }), z.object({ kind: z.literal('email'), to: z.email() })])),
  /** Repeated breaches within this many minutes produce one notification. */
  dedupeMinutes: z.number().int().positive().default(60),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

export interface AlertBreach {
  readonly ruleId: string;
  readonly value: number;
  readonly threshold: number;
  /** Stable per rule and breach window, so re-evaluations within it collapse. */
  readonly dedupeKey: string;
}

/** Pure: does a measured value breach the rule? */
export function evaluateRule(rule: AlertRule, value: number, at: number): AlertBreach | null {
  const breached = rule.comparator === 'above' ? value > rule.threshold : value < rule.threshold;
  if (!breached) return null;
  const window = Math.floor(at / (rule.dedupeMinutes * 60_000));
  return { ruleId: rule.id, value, threshold: rule.threshold, dedupeKey: `${rule.id}:${window}` };
}
