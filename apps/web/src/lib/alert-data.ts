import { addDays } from './dates';
import type { AlertDelivery, AlertHistoryEntry, AlertInstance, AlertRule, AlertSubject, Backtest, RuleScope } from './alert-types';

/** Every day of [from, to] with the number of back-test firings (starts) on it, zeros included. */
export function firingsPerDay(firings: Backtest['firings'], from: string, to: string): Array<{ date: string; count: number }> {
  const counts = new Map<string, number>();
  for (const f of firings) counts.set(f.date, (counts.get(f.date) ?? 0) + 1);
  const days: Array<{ date: string; count: number }> = [];
  for (let date = from; date <= to && days.length < 3660; date = addDays(date, 1)) days.push({ date, count: counts.get(date) ?? 0 });
  return days;
}

/** Where a subject is looked at on the dashboard: an item's page, a board's flow, a team's or portfolio's capacity, the risk page. */
export function subjectHref(subject: AlertSubject): string {
  const id = encodeURIComponent(subject.id);
  switch (subject.type) {
    case 'item':
      return `/items/${id}`;
    case 'board':
      return `/flow?boardId=${id}`;
    case 'team':
      return `/capacity?teamId=${id}`;
    case 'portfolio':
      return `/capacity?portfolioId=${id}`;
    case 'release':
    case 'epic':
      return '/risk';
  }
}

/** `board PAY`, `team <name>`: a scope as read in the rules list (team and portfolio names when known). */
export function scopeLabel(scope: RuleScope, names: { teams?: ReadonlyMap<string, string>; portfolios?: ReadonlyMap<string, string> } = {}): string {
  if (scope.boardId !== undefined) return `board ${scope.boardId}`;
  if (scope.teamId !== undefined) return `team ${names.teams?.get(scope.teamId) ?? scope.teamId}`;
  if (scope.portfolioId !== undefined) return `portfolio ${names.portfolios?.get(scope.portfolioId) ?? scope.portfolioId}`;
  return '—';
}

/** Firing alerts per board: those whose rule is scoped to that board (rules of teams and portfolios count nowhere here). */
export function firingByBoard(alerts: readonly AlertInstance[], rules: readonly AlertRule[]): Map<string, AlertInstance[]> {
  const boardOf = new Map(rules.filter((r) => r.scope.boardId !== undefined).map((r) => [r.id, r.scope.boardId as string]));
  const byBoard = new Map<string, AlertInstance[]>();
  for (const alert of alerts) {
    if (alert.state !== 'firing') continue;
    const board = boardOf.get(alert.ruleId);
    if (board === undefined) continue;
    byBoard.set(board, [...(byBoard.get(board) ?? []), alert]);
  }
  return byBoard;
}

/** The snooze end for a chosen length, as the ISO instant `POST /alerts/{id}/snooze` takes. */
export function snoozeUntil(hours: number, now = Date.now()): string {
  return new Date(now + hours * 3_600_000).toISOString();
}

/** Each day of a back-test is one evaluation of the rule: 28 days take ~1.5 min on a busy 2-core machine, 90 about 5. */
export const BACKTEST_DAYS = 28;

/**
 * The back-test window of the rules page: the `days` local days ending today, unless the URL says
 * otherwise (an explicit `to` alone keeps the length, ending there).
 */
export function backtestWindow(today: string, search: URLSearchParams, days = BACKTEST_DAYS): { from: string; to: string } {
  const to = search.get('to') ?? today;
  return { from: search.get('from') ?? addDays(to, -(days - 1)), to };
}

/** One line of an alert's timeline: an entry of its history, or a notification of its rule. */
export type TimelineEntry =
  | {
      readonly source: 'history';
      readonly at: string;
      readonly event: AlertHistoryEntry['event'];
      /** Where `at` is in the alert's answer: `history[n].at`, or the timestamp it was told from. */
      readonly field: string;
      readonly index: number | null;
      readonly by?: string;
      readonly value?: number | null;
    }
  | { readonly source: 'delivery'; readonly at: string; readonly delivery: AlertDelivery };

/** A rule's notification is written in the same transaction as the alert's change; this allows for the clocks of the two. */
const DELIVERY_SLACK_MS = 60_000;

/**
 * An alert's timeline, oldest first: its history (`GET /alerts/{id}`; `index` is the entry's place
 * there), or, for an alert with no history, the events its own timestamps tell; and the deliveries
 * of its rule written while it was open (deliveries name the rule, not the alert, so one of another
 * subject of the same rule at the same moment shows too).
 */
export function alertTimeline(alert: AlertInstance, history: readonly AlertHistoryEntry[], deliveries: readonly AlertDelivery[]): TimelineEntry[] {
  const own: TimelineEntry[] = history.length
    ? history.map((h, index) => ({ source: 'history', at: h.at, event: h.event, field: `history[${index}].at`, index, ...(h.by ? { by: h.by } : {}), ...(h.value !== undefined ? { value: h.value } : {}) }))
    : (
        [
          ['firing', 'startedAt'],
          ['notified', 'lastNotifiedAt'],
          ['acknowledged', 'acknowledgedAt'],
          ['resolved', 'resolvedAt'],
        ] as const
      ).flatMap(([event, field]) => {
        const at = alert[field];
        return at ? [{ source: 'history' as const, at, event, field, index: null }] : [];
      });
  const opened = Math.min(...[alert.startedAt, ...history.map((h) => h.at)].filter((t): t is string => Boolean(t)).map(Date.parse));
  const closed = alert.resolvedAt ? Date.parse(alert.resolvedAt) : Infinity;
  const notified: TimelineEntry[] = deliveries
    .filter((d) => d.ruleId === alert.ruleId)
    .filter((d) => Date.parse(d.createdAt) >= opened - DELIVERY_SLACK_MS && Date.parse(d.createdAt) <= closed + DELIVERY_SLACK_MS)
    .map((delivery) => ({ source: 'delivery', at: delivery.createdAt, delivery }));
  return [...own, ...notified].map((entry, order) => ({ entry, order })).sort((a, b) => Date.parse(a.entry.at) - Date.parse(b.entry.at) || a.order - b.order).map((x) => x.entry);
}

/** How often a delivery log is asked again while one of its deliveries is still being tried. */
export const RETRYING_POLL_MS = 1_000;

/** A `refetchInterval` for a delivery list: poll while any delivery is retrying, else not at all. */
export function whileRetrying(deliveries: { readonly items: ReadonlyArray<{ readonly status: string }> } | undefined): number | false {
  return deliveries?.items.some((d) => d.status === 'retrying') ? RETRYING_POLL_MS : false;
}
