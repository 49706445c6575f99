import { groupBy } from '@flowlens/metrics';
/** SQL spellings shared by the metric queries. */
export const US = `'\\x1f'`; // separates the parts of a value
export const RS = `'\\x1e'`; // separates board and status in map keys

export const part = (value: string, n: number) => `splitByChar(${US}, ${value})[${n}]`;

/** Local date (workspace zone) of an epoch-ms expression. */
export const localDate = (ms: string) => `toDate(fromUnixTimestamp64Milli(toInt64(${ms})), {tz:String})`;

/** `trim(lower(x))`, as names are compared (the oracle's sameName / isBlockedName). */
export const folded = (value: string) => `lower(trimBoth(${value}))`;

/** An open segment's end (the item is still in it). */
export const OPEN_END = '9223372036854775807';

/**
 * Whether an item can be in an active or wait stage just before `instant`: it started before it
 * and is not done since (doneAt starts the final run of done segments). Items failing it skip
 * the search of their segments.
 */
export const mayBeInProgressBefore = (instant: string) => `started_at < ${instant} AND (done_at IS NULL OR done_at >= ${instant})`;

/** Each segment's end: the next segment's start, `last` for the last one (an array the same length as seg_at). */
export const segmentEnds = (last: string) => `arrayPushBack(arrayPopFront(seg_at), ${last})`;

/**
 * One scan answering a figure per board of the context (an alert cycle's board rules) or for the
 * whole filter: `board` is a column of the result either way ('' for the whole filter). With
 * `byBoard`, an aggregate over no rows is no row, so callers give the boards without one their empty figure.
 */
export function boardGrouping(byBoard: boolean): { readonly select: string; readonly groupBy: string; readonly key: string } {
  return byBoard ? { select: 'board_id AS board', groupBy: 'GROUP BY board', key: 'board' } : { select: `'' AS board`, groupBy: '', key: `''` };
}

/** Each board of the context with its figure from `found` (rows by board), or `empty` when it had no row. */
export function perBoard<T>(boardIds: readonly string[], found: ReadonlyMap<string, T>, empty: () => T): Map<string, T> {
  return new Map(boardIds.map((board) => [board, found.get(board) ?? empty()]));
}

/** Rows of a {@link boardGrouping} scan grouped by their `board`, in their order. */
export function rowsByBoard<R extends { readonly board: string }>(rows: readonly R[]): Map<string, R[]> {
  return groupBy(rows, (row) => row.board);
}
