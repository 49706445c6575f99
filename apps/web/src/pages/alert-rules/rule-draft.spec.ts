import { ALERT_KINDS, type AlertRule } from '../../lib/alert-types';
import { defaultParams, emptyRuleDraft, KIND_PARAMS, paramsSummary, ruleBodyOf, ruleDraftOf, withKind } from './rule-draft';

const stored: AlertRule = {
  id: 'r1',
  name: 'WIP on PAY',
  kind: 'wip-limit',
  scope: { boardId: 'PAY' },
  params: { limit: 5, stage: 'In Review' },
  severity: 'critical',
  channelIds: ['c1', 'c2'],
  forMinutes: 2.5,
  repeatHours: 12,
  notifyResolved: false,
  enabled: false,
  createdAt: '2026-12-01T00:00:00.000Z',
};

describe('alert rule drafts', () => {
  it('round-trip a stored rule through the form into the document the API takes', () => {
    const { id, createdAt, ...document } = stored;
    expect(id && createdAt).toBeTruthy();
    expect(ruleBodyOf(ruleDraftOf(stored))).toEqual(document);
  });

  it('start each kind from api.md defaults, and leave the required fields empty', () => {
    expect(defaultParams('threshold')).toEqual({ metric: 'cycle-time.p50', op: '>', value: '', windowDays: '28' });
    expect(defaultParams('change')).toEqual({ metric: 'cycle-time.p50', direction: 'up', pct: '', windowDays: '28', baselineWeeks: '8' });
    expect(defaultParams('process-limits')).toEqual({ metric: 'throughput', baselineWeeks: '12' });
    expect(defaultParams('wip-limit')).toEqual({ limit: '', stage: '' });
    expect(defaultParams('sle-breach')).toEqual({ percentile: '85' });
    expect(defaultParams('forecast-slip')).toEqual({ minProbability: '0.7' });
    expect(defaultParams('data-quality')).toEqual({});
    for (const kind of ALERT_KINDS) expect(Object.keys(defaultParams(kind))).toEqual(KIND_PARAMS[kind].map((f) => f.name));
  });

  it('send numbers as numbers, leave empty fields to the API, and keep text that is no number for its error', () => {
    const draft = { ...withKind(emptyRuleDraft(), 'threshold'), name: ' p85 ', scopeType: 'team' as const, scopeId: 't1', params: { metric: 'cycle-time.p85', op: '<', value: '12.5', windowDays: '' }, forMinutes: '', repeatHours: 'soon' };
    expect(ruleBodyOf(draft)).toEqual({
      name: 'p85',
      kind: 'threshold',
      scope: { teamId: 't1' },
      params: { metric: 'cycle-time.p85', op: '<', value: 12.5 },
      severity: 'warning',
      channelIds: [],
      repeatHours: 'soon',
      notifyResolved: true,
      enabled: true,
    });
  });

  it('send no scope when none is picked, so the API names it', () => {
    expect(ruleBodyOf(emptyRuleDraft()).scope).toEqual({});
  });

  it('reset the params when the kind changes, keeping the rest', () => {
    const draft = { ...emptyRuleDraft(), name: 'x', params: { limit: '4', stage: '' } };
    expect(withKind(draft, 'sle-breach')).toMatchObject({ name: 'x', kind: 'sle-breach', params: { percentile: '85' } });
  });

  it('read a team or portfolio scope back into the picker', () => {
    expect(ruleDraftOf({ ...stored, scope: { portfolioId: 'p1' } })).toMatchObject({ scopeType: 'portfolio', scopeId: 'p1' });
    expect(ruleDraftOf({ ...stored, kind: 'sle-breach', params: {} }).params).toEqual({ percentile: '' });
  });

  it('summarise the params of a rule in one line', () => {
    expect(paramsSummary(stored)).toBe('limit 5 in In Review');
    expect(paramsSummary({ kind: 'threshold', params: { metric: 'wip', op: '>', value: 20, windowDays: 14 } })).toBe('wip > 20 over 14 d');
  });
});
