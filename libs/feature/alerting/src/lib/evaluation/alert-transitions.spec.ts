import type { AlertRule, InstanceRecord, Observation } from '@flowlens/alerting';
import { transitions } from './alert-evaluator.service';

const rule = { id: 'r1', workspaceId: 'w', name: 'WIP', kind: 'wip-limit', scope: { boardId: 'PMO' }, params: { limit: 2 }, severity: 'warning', channelIds: [], forMinutes: 0, repeatHours: 24, notifyResolved: true, enabled: true } as AlertRule;
const T0 = Date.parse('2026-12-01T09:00:00Z');
const firing = (id: string, since = T0): { id: string; ruleId: string; record: InstanceRecord } => ({
  id: `instance-${id}`,
  ruleId: 'r1',
  record: { subject: { type: 'item', id }, state: 'firing', value: 10, threshold: 5, conditionSince: since, startedAt: since, resolvedAt: null, lastNotifiedAt: since, acknowledgedAt: null, snoozedUntil: null },
});
const seen = (id: string, holds: boolean, value = 10): Observation => ({ subject: { type: 'item', id }, holds, value, threshold: 5 });

describe('transitions (one evaluation of one rule over its subjects)', () => {
  it('opens an instance for a new subject that holds, with a fresh id, and ignores one that does not', () => {
    const changes = transitions(rule, [], [seen('A', true), seen('B', false)], T0);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ isNew: true, transition: { event: 'firing', notify: true, after: { subject: { id: 'A' }, state: 'firing' } } });
    expect(changes[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('resolves an open instance whose subject is no longer observed (an item done), keeping its id', () => {
    const changes = transitions(rule, [firing('A'), firing('B')], [seen('A', true, 12)], T0 + 60_000);
    expect(changes.map((c) => [c.id, c.transition.event, c.transition.notify])).toEqual([
      ['instance-A', 'updated', false],
      ['instance-B', 'resolved', true],
    ]);
    expect(changes[0]?.transition.after.value).toBe(12);
    expect(changes.every((c) => !c.isNew)).toBe(true);
  });

  it('takes the first observation of a subject observed twice', () => {
    const changes = transitions(rule, [], [seen('A', true, 7), seen('A', false, 1)], T0);
    expect(changes.map((c) => c.transition.after.value)).toEqual([7]);
  });

  it('repeats a firing instance only once repeatHours have passed since it last notified', () => {
    expect(transitions(rule, [firing('A')], [seen('A', true)], T0 + 23 * 3_600_000)[0]?.transition.event).toBe('updated');
    expect(transitions(rule, [firing('A')], [seen('A', true)], T0 + 24 * 3_600_000)[0]?.transition).toMatchObject({ event: 'repeat', notify: true });
  });
});
