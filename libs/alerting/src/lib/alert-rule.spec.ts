import { type AlertRule, evaluateRule } from './alert-rule';

const rule: AlertRule = {
  id: 'r1',
  workspaceId: 'w',
  name: 'WIP too high',
  metric: 'wip',
  comparator: 'above',
  threshold: 10,
  boardIds: [],
  channels: [{ kind: 'webhook', url: 'https://hooks.example.com/x' }],
  dedupeMinutes: 60,
};

describe('evaluateRule', () => {
  it('breaches only strictly beyond the threshold, in the rule direction', () => {
    expect(evaluateRule(rule, 10, 0)).toBeNull();
    expect(evaluateRule(rule, 11, 0)).toMatchObject({ ruleId: 'r1', value: 11, threshold: 10 });
    expect(evaluateRule({ ...rule, comparator: 'below' }, 9, 0)).not.toBeNull();
    expect(evaluateRule({ ...rule, comparator: 'below' }, 11, 0)).toBeNull();
  });

  it('gives one dedupe key per rule and window', () => {
    const a = evaluateRule(rule, 11, 60_000)?.dedupeKey;
    expect(evaluateRule(rule, 12, 59 * 60_000)?.dedupeKey).toBe(a);
    expect(evaluateRule(rule, 12, 61 * 60_000)?.dedupeKey).not.toBe(a);
  });
});
