import type { AlertDelivery, AlertInstance, AlertRule } from './alert-types';
import { alertTimeline, backtestWindow, firingByBoard, firingsPerDay, RETRYING_POLL_MS, scopeLabel, snoozeUntil, subjectHref, whileRetrying } from './alert-data';

const rule = (id: string, scope: AlertRule['scope']): AlertRule => ({ id, name: id, kind: 'wip-limit', scope, params: { limit: 3 }, severity: 'warning', channelIds: [], forMinutes: 0, repeatHours: 24, notifyResolved: true, enabled: true });
const alert = (id: string, ruleId: string, state: AlertInstance['state']): AlertInstance => ({
  id,
  ruleId,
  subject: { type: 'board', id: 'PAY' },
  state,
  value: 5,
  threshold: 3,
  startedAt: '2026-11-30T10:00:00.000Z',
  resolvedAt: null,
  lastNotifiedAt: null,
  acknowledgedAt: null,
  snoozedUntil: null,
});

describe('alert data', () => {
  it('counts back-test firings on every day of the window, zeros included, across a month end', () => {
    const firings = [
      { subject: { type: 'board' as const, id: 'PAY' }, date: '2026-11-30', value: 7 },
      { subject: { type: 'item' as const, id: 'PAY-1' }, date: '2026-11-30', value: 12.5 },
      { subject: { type: 'board' as const, id: 'PAY' }, date: '2026-12-02', value: 6 },
    ];
    expect(firingsPerDay(firings, '2026-11-29', '2026-12-02')).toEqual([
      { date: '2026-11-29', count: 0 },
      { date: '2026-11-30', count: 2 },
      { date: '2026-12-01', count: 0 },
      { date: '2026-12-02', count: 1 },
    ]);
    expect(firingsPerDay([], '2026-12-02', '2026-12-01')).toEqual([]);
  });

  it('links each kind of subject to the page that shows it', () => {
    expect(subjectHref({ type: 'item', id: 'PAY-12' })).toBe('/items/PAY-12');
    expect(subjectHref({ type: 'board', id: 'OPS' })).toBe('/flow?boardId=OPS');
    expect(subjectHref({ type: 'team', id: 't 1' })).toBe('/capacity?teamId=t%201');
    expect(subjectHref({ type: 'portfolio', id: 'p1' })).toBe('/capacity?portfolioId=p1');
    expect(subjectHref({ type: 'epic', id: 'PAY-3' })).toBe('/risk');
  });

  it('names a scope, with team and portfolio names when known', () => {
    expect(scopeLabel({ boardId: 'PAY' })).toBe('board PAY');
    expect(scopeLabel({ teamId: 't1' }, { teams: new Map([['t1', 'Payments']]) })).toBe('team Payments');
    expect(scopeLabel({ portfolioId: 'p9' })).toBe('portfolio p9');
  });

  it('counts only firing alerts, on the board their rule is scoped to', () => {
    const rules = [rule('r1', { boardId: 'PAY' }), rule('r2', { boardId: 'OPS' }), rule('r3', { teamId: 't1' })];
    const alerts = [alert('a1', 'r1', 'firing'), alert('a2', 'r1', 'firing'), alert('a3', 'r2', 'pending'), alert('a4', 'r3', 'firing'), alert('a5', 'gone', 'firing')];
    const byBoard = firingByBoard(alerts, rules);
    expect(byBoard.get('PAY')?.map((a) => a.id)).toEqual(['a1', 'a2']);
    expect(byBoard.has('OPS')).toBe(false);
    expect([...byBoard.keys()]).toEqual(['PAY']);
  });

  it('ends a snooze the chosen hours from now', () => {
    expect(snoozeUntil(4, Date.parse('2026-12-03T10:00:00.000Z'))).toBe('2026-12-03T14:00:00.000Z');
  });

  it('back-tests the 28 days ending today unless the URL gives the window', () => {
    expect(backtestWindow('2026-12-03', new URLSearchParams())).toEqual({ from: '2026-11-06', to: '2026-12-03' });
    expect(backtestWindow('2026-12-03', new URLSearchParams('to=2026-11-30'))).toEqual({ from: '2026-11-03', to: '2026-11-30' });
    expect(backtestWindow('2026-12-03', new URLSearchParams('from=2026-09-05&to=2026-12-01'))).toEqual({ from: '2026-09-05', to: '2026-12-01' });
  });
});

describe('alertTimeline', () => {
  const open: AlertInstance = {
    id: 'a1', ruleId: 'r1', subject: { type: 'board', id: 'PAY' }, state: 'firing', value: 9, threshold: 6,
    startedAt: '2026-12-01T10:00:00.000Z', resolvedAt: null, lastNotifiedAt: '2026-12-01T10:00:00.000Z', acknowledgedAt: '2026-12-01T11:00:00.000Z', snoozedUntil: null,
  };
  const delivery = (id: string, createdAt: string, ruleId: string | null = 'r1'): AlertDelivery => ({ id, channelId: 'c1', ruleId, status: 'sent', attempts: 1, lastError: null, createdAt, sentAt: createdAt });

  it('merges the history with the rule deliveries written while the alert was open, oldest first', () => {
    const history = [
      { at: '2026-12-01T09:50:00.000Z', event: 'pending' as const, state: 'pending' as const, value: 8 },
      { at: '2026-12-01T10:00:00.000Z', event: 'firing' as const, state: 'firing' as const, value: 9 },
      { at: '2026-12-01T10:00:00.000Z', event: 'notified' as const, state: 'firing' as const, value: 9 },
      { at: '2026-12-01T11:00:00.000Z', event: 'acknowledged' as const, by: 'pmo' },
    ];
    const deliveries = [delivery('before', '2026-12-01T09:00:00.000Z'), delivery('d1', '2026-12-01T10:00:00.300Z'), delivery('other-rule', '2026-12-01T10:00:00.300Z', 'r2'), delivery('test', '2026-12-01T10:30:00.000Z', null)];
    const timeline = alertTimeline(open, history, deliveries);
    expect(timeline.map((t) => (t.source === 'history' ? `${t.event}#${t.index}` : `delivery ${t.delivery.id}`))).toEqual(['pending#0', 'firing#1', 'notified#2', 'delivery d1', 'acknowledged#3']);
    expect(timeline[4]).toMatchObject({ by: 'pmo', field: 'history[3].at' });
  });

  it('tells the events of the timestamps when the alert has no history, and stops at its resolution', () => {
    const resolved = { ...open, state: 'resolved' as const, acknowledgedAt: null, resolvedAt: '2026-12-02T10:00:00.000Z' };
    const timeline = alertTimeline(resolved, [], [delivery('d1', '2026-12-01T10:00:00.100Z'), delivery('d2', '2026-12-02T10:00:00.200Z'), delivery('later', '2026-12-03T10:00:00.000Z')]);
    expect(timeline.map((t) => (t.source === 'history' ? t.event : t.delivery.id))).toEqual(['firing', 'notified', 'd1', 'resolved', 'd2']);
    expect(timeline.flatMap((t) => (t.source === 'history' ? [t.field] : []))).toEqual(['startedAt', 'lastNotifiedAt', 'resolvedAt']);
  });
});

describe('whileRetrying', () => {
  it('polls while a delivery is retrying, and stops once none is', () => {
    expect(whileRetrying({ items: [{ status: 'sent' }, { status: 'retrying' }] })).toBe(RETRYING_POLL_MS);
    expect(whileRetrying({ items: [{ status: 'sent' }, { status: 'failed' }] })).toBe(false);
    expect(whileRetrying(undefined)).toBe(false);
  });
});
