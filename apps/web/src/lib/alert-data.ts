import { addDays } from './dates';
import type { AlertInstance, AlertRule, AlertSubject, Backtest, RuleScope } from './alert-types';

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
