import { percentileOfSorted } from '../stats/percentile';
import { durationDays } from '../time/duration.util';
import { addLocalDays, localDateOf, startOfLocalDay } from '../time/local-day.util';
import { isWorkItem, memoOnInput, type RiskInput, type RiskItem } from './risk-item';

export const DEFAULT_SLE_WINDOW = 90;
export const MIN_SLE_ITEMS = 5;

/** The cycle-time history an item is read against, and the SLE (its p85) when there is one. */
export interface SleHistory {
  /** Cycle times in days, ascending. */
  readonly history: readonly number[];
  readonly sleDays: number | null;
  readonly source: 'board' | 'team' | 'workspace';
}

/**
 * SLE per board: the `percentile` (p85 unless asked) of the cycle times of items done on local dates d−(window−1) … d (d = the
 * local date of `t`); with fewer than 5 there, the board's team's boards, then the workspace.
 */
export function sleHistories(input: RiskInput, window = DEFAULT_SLE_WINDOW, percentile = 85): (boardId: string) => SleHistory {
  return memoOnInput(input, `sle\u0000${window}\u0000${percentile}`, () => computeSleHistories(input, window, percentile));
}

function computeSleHistories(input: RiskInput, window: number, percentile: number): (boardId: string) => SleHistory {
  const start = startOfLocalDay(addLocalDays(localDateOf(input.t, input.timezone), -(window - 1)), input.timezone);
  const byBoard = new Map<string, number[]>();
  const all: number[] = [];
  for (const item of input.items) {
    if (!isDoneSince(item, start, input.t)) continue;
    const days = durationDays(item.startedAt as number, item.doneAt as number);
    all.push(days);
    const list = byBoard.get(item.boardId) ?? [];
    list.push(days);
    byBoard.set(item.boardId, list);
  }
  const teamOf = (board: string) => input.teamOfBoard.get(board) ?? `board:${board}`;
  const of = (times: number[], source: SleHistory['source']): SleHistory => {
    const history = [...times].sort((a, b) => a - b);
    return { history, sleDays: history.length >= MIN_SLE_ITEMS ? percentileOfSorted(history, percentile) : null, source };
  };
  const workspace = of(all, 'workspace');
  const cache = new Map<string, SleHistory>();
  return (boardId) => {
    const cached = cache.get(boardId);
    if (cached) return cached;
    const board = byBoard.get(boardId) ?? [];
    let found: SleHistory;
    if (board.length >= MIN_SLE_ITEMS) found = of(board, 'board');
    else {
      const team = teamOf(boardId);
      const teamTimes = [...byBoard].filter(([b]) => teamOf(b) === team).flatMap(([, times]) => times);
      found = teamTimes.length >= MIN_SLE_ITEMS ? of(teamTimes, 'team') : workspace;
    }
    cache.set(boardId, found);
    return found;
  };
}

function isDoneSince(item: RiskItem, start: number, t: number): boolean {
  return isWorkItem(item) && item.doneAt !== null && item.startedAt !== null && item.doneAt >= start && item.doneAt <= t;
}
