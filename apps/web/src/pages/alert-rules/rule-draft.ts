import type { AlertKind, AlertRule, AlertRuleBody, RuleScope, Severity } from '../../lib/alert-types';

/** Figures a `threshold` or `change` rule can watch (api.md "Alerts"). */
export const RULE_METRICS = ['cycle-time.p50', 'cycle-time.p85', 'cycle-time.p95', 'lead-time.p85', 'throughput', 'wip', 'flow-efficiency', 'blocked-share', 'net-flow', 'load-per-fte', 'reopen-rate'] as const;

export interface ParamField {
  readonly name: string;
  readonly label: string;
  readonly input: 'number' | 'select' | 'text';
  readonly options?: readonly string[];
  /** What the form starts with: api.md's default, or a sensible first choice for a required field. */
  readonly initial: string;
  readonly step?: string;
}

const metricField = (options: readonly string[] = RULE_METRICS): ParamField => ({ name: 'metric', label: 'Figure', input: 'select', options, initial: options[0] as string });
const windowDays: ParamField = { name: 'windowDays', label: 'Window (days)', input: 'number', initial: '28' };

/** The params form of each kind, with api.md's defaults. */
export const KIND_PARAMS: Record<AlertKind, readonly ParamField[]> = {
  threshold: [metricField(), { name: 'op', label: 'Fires when', input: 'select', options: ['>', '<'], initial: '>' }, { name: 'value', label: 'Value', input: 'number', initial: '', step: 'any' }, windowDays],
  change: [
    metricField(),
    { name: 'direction', label: 'Direction', input: 'select', options: ['up', 'down'], initial: 'up' },
    { name: 'pct', label: 'Change (%)', input: 'number', initial: '', step: 'any' },
    windowDays,
    { name: 'baselineWeeks', label: 'Baseline (weeks)', input: 'number', initial: '8' },
  ],
  'process-limits': [metricField(['throughput', 'cycle-time.p85']), { name: 'baselineWeeks', label: 'Baseline (weeks)', input: 'number', initial: '12' }],
  'wip-limit': [
    { name: 'limit', label: 'WIP limit', input: 'number', initial: '' },
    { name: 'stage', label: 'Stage (empty: all work in progress)', input: 'text', initial: '' },
  ],
  'sle-breach': [{ name: 'percentile', label: 'SLE percentile', input: 'number', initial: '85', step: 'any' }],
  'forecast-slip': [{ name: 'minProbability', label: 'Least P(on time)', input: 'number', initial: '0.7', step: 'any' }],
  'data-quality': [],
};

export const KIND_TEXT: Record<AlertKind, string> = {
  threshold: 'a flow figure over a window crosses a value',
  change: 'a figure moved by more than a % against its baseline',
  'process-limits': 'a weekly value falls outside its XmR limits, or 8 in a row on one side',
  'wip-limit': 'work in progress (of one stage or all) above a limit',
  'sle-breach': 'an item older than the service level expectation (one alert per item)',
  'forecast-slip': 'a release or epic whose chance of being on time drops below a probability',
  'data-quality': 'open dead letters, or statuses no stage holds',
};

export type ScopeType = 'board' | 'team' | 'portfolio';

/** The editable form of a rule: numbers as text, so half-typed input stays and the API names what is wrong. */
export interface RuleDraft {
  name: string;
  kind: AlertKind;
  scopeType: ScopeType;
  scopeId: string;
  severity: Severity;
  channelIds: string[];
  params: Record<string, string>;
  forMinutes: string;
  repeatHours: string;
  notifyResolved: boolean;
  enabled: boolean;
}

export function defaultParams(kind: AlertKind): Record<string, string> {
  return Object.fromEntries(KIND_PARAMS[kind].map((f) => [f.name, f.initial]));
}

export const emptyRuleDraft = (kind: AlertKind = 'wip-limit'): RuleDraft => ({
  name: '',
  kind,
  scopeType: 'board',
  scopeId: '',
  severity: 'warning',
  channelIds: [],
  params: defaultParams(kind),
  forMinutes: '0',
  repeatHours: '24',
  notifyResolved: true,
  enabled: true,
});

/** Another kind keeps everything but the params, which start again from that kind's defaults. */
export const withKind = (draft: RuleDraft, kind: AlertKind): RuleDraft => ({ ...draft, kind, params: defaultParams(kind) });

function scopeOf(scope: RuleScope): { scopeType: ScopeType; scopeId: string } {
  if (scope.teamId !== undefined) return { scopeType: 'team', scopeId: scope.teamId };
  if (scope.portfolioId !== undefined) return { scopeType: 'portfolio', scopeId: scope.portfolioId };
  return { scopeType: 'board', scopeId: scope.boardId ?? '' };
}

export function ruleDraftOf(rule: AlertRule): RuleDraft {
  const params = defaultParams(rule.kind);
  for (const field of KIND_PARAMS[rule.kind]) {
    const value = rule.params[field.name];
    params[field.name] = value === undefined || value === null ? '' : String(value);
  }
  return {
    name: rule.name,
    kind: rule.kind,
    ...scopeOf(rule.scope),
    severity: rule.severity,
    channelIds: [...rule.channelIds],
    params,
    forMinutes: String(rule.forMinutes),
    repeatHours: String(rule.repeatHours),
    notifyResolved: rule.notifyResolved,
    enabled: rule.enabled,
  };
}

/** A number as typed; text that is no number goes as it is, so the API's answer names the field. */
function numberOf(text: string): number | string {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(n) ? n : text.trim();
}

/**
 * The whole rule document for POST/PUT. Empty fields are left out: the API fills in its defaults,
 * or says which required field is missing.
 */
export function ruleBodyOf(d: RuleDraft): AlertRuleBody {
  const params: Record<string, unknown> = {};
  for (const field of KIND_PARAMS[d.kind]) {
    const text = (d.params[field.name] ?? '').trim();
    if (text === '') continue;
    params[field.name] = field.input === 'number' ? numberOf(text) : text;
  }
  const body: Record<string, unknown> = {
    name: d.name.trim(),
    kind: d.kind,
    scope: d.scopeId.trim() === '' ? {} : { [`${d.scopeType}Id`]: d.scopeId.trim() },
    params,
    severity: d.severity,
    channelIds: [...d.channelIds],
    notifyResolved: d.notifyResolved,
    enabled: d.enabled,
  };
  if (d.forMinutes.trim() !== '') body['forMinutes'] = numberOf(d.forMinutes);
  if (d.repeatHours.trim() !== '') body['repeatHours'] = numberOf(d.repeatHours);
  return body as unknown as AlertRuleBody;
}

/** One line per rule in the list: `limit 5 · stage Review`, `cycle-time.p85 > 10 over 28 d`. */
export function paramsSummary(rule: Pick<AlertRule, 'kind' | 'params'>): string {
  const p = rule.params;
  switch (rule.kind) {
    case 'threshold':
      return `${String(p['metric'])} ${String(p['op'])} ${String(p['value'])} over ${String(p['windowDays'] ?? 28)} d`;
    case 'change':
      return `${String(p['metric'])} ${String(p['direction'])} ${String(p['pct'])}% vs ${String(p['baselineWeeks'] ?? 8)} weeks`;
    case 'process-limits':
      return `${String(p['metric'])}, ${String(p['baselineWeeks'] ?? 12)} weeks' baseline`;
    case 'wip-limit':
      return `limit ${String(p['limit'])}${p['stage'] ? ` in ${String(p['stage'])}` : ''}`;
    case 'sle-breach':
      return `SLE p${String(p['percentile'] ?? 85)}`;
    case 'forecast-slip':
      return `P(on time) < ${String(p['minProbability'] ?? 0.7)}`;
    case 'data-quality':
      return 'dead letters, unmapped statuses';
  }
}
