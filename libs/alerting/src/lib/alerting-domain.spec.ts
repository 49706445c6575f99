import { alertRuleInputSchema } from './alert-rule.schema';
import { changeObservation, thresholdObservation, wipLimitObservation } from './alert-condition';
import { acknowledge, type InstanceRecord, snooze, step, type TimingRule, type Transition } from './alert-instance.machine';
import { groupNotification } from './alert-grouping';
import { backtest } from './backtest';
import { processLimits, processLimitsSignal } from './process-limits';

const board = { type: 'board', id: 'PMO' } as const;
const T0 = Date.parse('2026-03-02T09:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;
const rule = (over: Partial<TimingRule> = {}): TimingRule => ({ forMinutes: 0, repeatHours: 24, notifyResolved: true, ...over });
const holding = (value = 12) => wipLimitObservation(board, 10, value);
const clear = () => wipLimitObservation(board, 10, 3);

/** A step that must change something. */
function moved(...args: Parameters<typeof step>): Transition {
  const t = step(...args);
  if (!t) throw new Error('expected a transition');
  return t;
}

/** Runs evaluations at the given offsets (ms from T0), applying each transition. */
function run(r: TimingRule, evaluations: ReadonlyArray<[number, boolean]>, start: InstanceRecord | null = null) {
  let open = start;
  return evaluations.map(([at, holds]) => {
    const t = step(r, open, holds ? holding() : clear(), board, T0 + at);
    open = t && t.after.state !== 'resolved' ? t.after : null;
    return t ? `${t.event}${t.notify ? '!' : ''}` : '-';
  });
}

describe('rule schema', () => {
  it('fills api.md defaults', () => {
    const parsed = alertRuleInputSchema.parse({ name: 'p85', kind: 'threshold', scope: { boardId: 'PMO' }, params: { metric: 'cycle-time.p85', op: '>', value: 9 }, severity: 'warning', channelIds: [] });
    expect(parsed).toMatchObject({ forMinutes: 0, repeatHours: 24, notifyResolved: true, enabled: true, params: { windowDays: 28 } });
    const dq = alertRuleInputSchema.parse({ name: 'dq', kind: 'data-quality', scope: { teamId: 't' }, severity: 'info', channelIds: [] });
    expect(dq.params).toEqual({});
    const sle = alertRuleInputSchema.parse({ name: 's', kind: 'sle-breach', scope: { boardId: 'PMO' }, severity: 'info', channelIds: [] });
    expect(sle.params).toEqual({ percentile: 85 });
  });

  it.each([
    ['two scopes', { scope: { boardId: 'A', teamId: 'b' } }],
    ['unknown kind', { kind: 'nope' }],
    ['unknown param', { params: { metric: 'wip', op: '>', value: 1, extra: 1 } }],
    ['missing params', { params: undefined }],
    ['repeatHours 0', { repeatHours: 0 }],
  ])('rejects %s', (_name, over) => {
    const base = { name: 'r', kind: 'threshold', scope: { boardId: 'PMO' }, params: { metric: 'wip', op: '>', value: 1 }, severity: 'info', channelIds: [] };
    expect(alertRuleInputSchema.safeParse({ ...base, ...over }).success).toBe(false);
  });
});

describe('conditions', () => {
  it('threshold compares strictly and never holds on an undefined figure', () => {
    expect(thresholdObservation(board, { op: '>', value: 5 }, 5).holds).toBe(false);
    expect(thresholdObservation(board, { op: '>', value: 5 }, 5.01).holds).toBe(true);
    expect(thresholdObservation(board, { op: '<', value: 5 }, 4).holds).toBe(true);
    expect(thresholdObservation(board, { op: '<', value: 5 }, null).holds).toBe(false);
  });

  it('change reports the % change against the baseline', () => {
    expect(changeObservation(board, { direction: 'up', pct: 50 }, 15, 10)).toMatchObject({ holds: true, value: 50, threshold: 50 });
    expect(changeObservation(board, { direction: 'down', pct: 50 }, 6, 10).holds).toBe(false);
    expect(changeObservation(board, { direction: 'down', pct: 40 }, 6, 10).holds).toBe(true);
    expect(changeObservation(board, { direction: 'up', pct: 1 }, 6, 0)).toMatchObject({ holds: false, value: null });
  });
});

describe('process limits (XmR)', () => {
  it('matches a hand-computed chart', () => {
    // mean 5, moving ranges 2,2,2 -> mR 2, limits 5 ± 5.32
    expect(processLimits([4, 6, 4, 6])).toEqual({ centre: 5, movingRange: 2, upper: 10.32, lower: expect.closeTo(-0.32, 10) });
    expect(processLimitsSignal([4, 6, 4, 6], 10.33)?.rule).toBe('above-upper');
    expect(processLimitsSignal([4, 6, 4, 6], 10.32)).toBeNull();
  });

  it('signals a run of 8 strictly on one side of the centre', () => {
    // centre 69/12 = 5.75, mR 37/11: the limits are wide, the last 7 weeks and the latest sit above the centre
    expect(processLimitsSignal([2, 8, 2, 8, 2, 8, 6, 7, 6, 7, 6, 7], 6)).toMatchObject({ rule: 'run-above', limit: 5.75 });
    // one of the 7 weeks before the latest (5) is below the centre 5.5: no run
    expect(processLimitsSignal([2, 8, 2, 8, 2, 5, 6, 7, 6, 7, 6, 7], 6)).toBeNull();
  });
});

describe('instance state machine', () => {
  it('fires at once with forMinutes 0, repeats after repeatHours, resolves once', () => {
    expect(run(rule(), [[0, true], [23 * HOUR, true], [24 * HOUR, true], [25 * HOUR, false], [26 * HOUR, false]])).toEqual(['firing!', 'updated', 'repeat!', 'resolved!', '-']);
  });

  it('waits forMinutes (decimals) from the first evaluation that held', () => {
    expect(run(rule({ forMinutes: 1.5 }), [[0, true], [MIN, true], [1.5 * MIN, true]])).toEqual(['pending', 'updated', 'firing!']);
    expect(run(rule({ forMinutes: 5 }), [[0, true], [MIN, false]])).toEqual(['pending', 'resolved']);
  });

  it('sends no resolved notification when the rule turns it off', () => {
    expect(run(rule({ notifyResolved: false }), [[0, true], [HOUR, false]])).toEqual(['firing!', 'resolved']);
  });

  it('snoozed: no firing or repeat, the resolved one is sent; after the snooze repeats resume on the clock', () => {
    const first = moved(rule({ forMinutes: 10 }), null, holding(), board, T0);
    const snoozed = snooze(first.after, T0 + 30 * HOUR, T0);
    expect(run(rule({ forMinutes: 10 }), [[10 * MIN, true], [25 * HOUR, true], [30 * HOUR + 10 * MIN, true], [31 * HOUR, false]], snoozed)).toEqual(['firing', 'updated', 'repeat!', 'resolved!']);
    const firing = moved(rule(), null, holding(), board, T0).after;
    expect(run(rule(), [[2 * HOUR, false]], snooze(firing, T0 + 10 * HOUR, T0))).toEqual(['resolved!']);
  });

  it('acknowledged: no repeats; a change of state notifies and ends the acknowledgement', () => {
    const firing = moved(rule(), null, holding(), board, T0).after;
    expect(run(rule(), [[48 * HOUR, true], [49 * HOUR, false]], acknowledge(firing, T0))).toEqual(['updated', 'resolved!']);
    const pending = moved(rule({ forMinutes: 5 }), null, holding(), board, T0).after;
    const t = moved(rule({ forMinutes: 5 }), acknowledge(pending, T0), holding(), board, T0 + 5 * MIN);
    expect([t.event, t.notify, t.after.acknowledgedAt]).toEqual(['firing', true, null]);
  });

  it('refuses to acknowledge or snooze a resolved instance, or a snooze in the past', () => {
    const firing = moved(rule(), null, holding(), board, T0).after;
    const resolved = moved(rule(), firing, clear(), board, T0 + HOUR).after;
    expect(() => acknowledge(resolved, T0)).toThrow(/resolved/);
    expect(() => snooze(firing, T0, T0)).toThrow(RangeError);
  });
});

describe('grouping', () => {
  it('lists every notifying change of one evaluation in one body; firing wins the status', () => {
    const a = moved(rule(), null, holding(), { type: 'item', id: 'PMO-1' }, T0);
    const b = moved(rule(), moved(rule(), null, holding(), { type: 'item', id: 'PMO-2' }, T0 - HOUR).after, clear(), { type: 'item', id: 'PMO-2' }, T0);
    const quiet = moved(rule({ forMinutes: 9 }), null, holding(), { type: 'item', id: 'PMO-3' }, T0);
    const r = { id: 'r1', name: 'SLE', kind: 'sle-breach', severity: 'warning' as const, channelIds: ['c1', 'c2'] };
    const body = groupNotification(r, { id: 'w', name: 'W' }, [{ id: 'i1', transition: a }, { id: 'i2', transition: b }, { id: 'i3', transition: quiet }], null);
    if (!body) throw new Error('expected a notification');
    expect(body.status).toBe('firing');
    expect(body.alerts.map((x) => [x.id, x.state])).toEqual([['i1', 'firing'], ['i2', 'resolved']]);
    expect(groupNotification(r, { id: 'w', name: 'W' }, [{ id: 'i3', transition: quiet }], null)).toBeNull();
    expect(groupNotification(r, { id: 'w', name: 'W' }, [{ id: 'i2', transition: b }], null)?.status).toBe('resolved');
  });
});

describe('back-test', () => {
  const day = (date: string, holds: boolean, value = 1) => ({ date, observations: [thresholdObservation(board, { op: '>', value: 0 }, holds ? value : 0)] });

  it('counts starts only; holding the day before from is no start', () => {
    const result = backtest([day('2026-02-28', true), day('2026-03-01', true), day('2026-03-02', false), day('2026-03-03', true, 4), day('2026-03-04', true), day('2026-03-05', false), day('2026-03-06', false), day('2026-03-07', false)]);
    expect(result.firings).toEqual([{ subject: board, date: '2026-03-03', value: 4 }]);
    expect(result.perWeek).toBe(1);
  });

  it('a start on from itself counts when the day before did not hold', () => {
    expect(backtest([day('2026-02-28', false), day('2026-03-01', true, 2)]).firings).toEqual([{ subject: board, date: '2026-03-01', value: 2 }]);
    expect(backtest([day('2026-02-28', false)])).toEqual({ firings: [], perWeek: 0 });
  });
});
