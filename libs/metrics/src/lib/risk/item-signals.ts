import { groupBy } from '../stats/group-by';
import { durationDays } from '../time/duration.util';
import { endOfLocalDay } from '../time/local-day.util';
import { paceOf, pOnTime } from './on-time';
import { isInProgress, isWorkItem, memoOnInput, type RiskInput, type RiskItem } from './risk-item';
import { DEFAULT_SLE_WINDOW, sleHistories } from './sle';

export const DEFAULT_THRESHOLD = 0.7;
export type ItemSignal = 'aging' | 'blocked' | 'due-date' | 'dependency';

export interface RiskOptions {
  /** Boards in scope; every board when empty. */
  readonly boardIds: readonly string[];
  readonly threshold?: number;
  readonly sleWindow?: number;
}

export interface ItemRisk {
  readonly itemKey: string;
  readonly boardId: string;
  readonly signals: ItemSignal[];
  readonly ageDays: number | null;
  readonly sleDays: number | null;
  readonly pace: number | null;
  readonly blockedDays: number | null;
  readonly dueDate: string | null;
  readonly pOnTime: number | null;
}

export interface ItemRisks {
  /** Items with at least one signal, by board then key. */
  readonly items: ItemRisk[];
  readonly inProgress: number;
  readonly blocked: number;
  /** Blocked in-progress items / in-progress items; null with none in progress. */
  readonly blockedShare: number | null;
}

export const inScope = (boardIds: readonly string[]) => {
  const boards = new Set(boardIds);
  return (item: { boardId: string }) => boards.size === 0 || boards.has(item.boardId);
};

/** Aging, blocked, due-date and dependency signals of the not-done work items in scope at `t`. */
export function computeItemRisks(input: RiskInput, options: RiskOptions): ItemRisks {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const sle = sleHistories(input, options.sleWindow ?? DEFAULT_SLE_WINDOW);
  const dependents = openDependents(input);
  const candidates = candidatesByBoard(input, dependents);
  // Boards in order, each board's items by key: the list comes out in its order, unsorted.
  const boards = options.boardIds.length ? [...new Set(options.boardIds)].sort(cmp) : [...candidates.keys()].sort(cmp);
  const ends = memoOnInput(input, 'due-date-ends', () => new Map<string, number>());
  const dueEnd = (date: string) => {
    let end = ends.get(date);
    if (end === undefined) ends.set(date, (end = endOfLocalDay(date, input.timezone)));
    return end;
  };
  const items: ItemRisk[] = [];
  let inProgress = 0;
  let blocked = 0;
  for (const board of boards) {
    const { history, sleDays } = sle(board);
    for (const item of candidates.get(board) ?? []) {
      const started = isInProgress(item) && item.startedAt !== null;
      const ageDays = started ? durationDays(item.startedAt as number, input.t) : null;
      const signals: ItemSignal[] = [];
      if (started) inProgress++;
      if (ageDays !== null && sleDays !== null && ageDays > sleDays) signals.push('aging');
      const isBlocked = started && item.blocked;
      if (isBlocked) {
        blocked++;
        signals.push('blocked');
      }
      const p = item.dueDate === null ? null : pOnTime(history, ageDays, durationDays(input.t, dueEnd(item.dueDate)));
      if (p !== null && p < threshold) signals.push('due-date');
      if (dependents.has(item.itemId)) signals.push('dependency');
      if (signals.length === 0) continue;
      items.push({
        itemKey: item.itemKey,
        boardId: item.boardId,
        signals,
        ageDays,
        sleDays,
        pace: ageDays === null ? null : paceOf(history, ageDays),
        blockedDays: isBlocked && item.blockedSince !== null ? durationDays(item.blockedSince, input.t) : null,
        dueDate: item.dueDate,
        pOnTime: p,
      });
    }
  }
  return { items, inProgress, blocked, blockedShare: inProgress === 0 ? null : blocked / inProgress };
}

/**
 * The not-done work items of each board that can carry a signal, by key, kept per input: those in
 * progress (they age, count in WIP and can be blocked) and those with a due date or an open
 * blocker. A backlog item with neither has no signal at any instant of the input's day.
 */
function candidatesByBoard(input: RiskInput, dependents: ReadonlySet<string>): ReadonlyMap<string, readonly RiskItem[]> {
  return memoOnInput(input, 'signal-candidates-by-board', () => {
    const canSignal = (item: RiskItem) =>
      isWorkItem(item) && item.category !== 'done' && ((isInProgress(item) && item.startedAt !== null) || item.dueDate !== null || dependents.has(item.itemId));
    const byBoard = groupBy(input.items.filter(canSignal), (item) => item.boardId);
    for (const list of byBoard.values()) list.sort((a, b) => cmp(a.itemKey, b.itemKey));
    return byBoard;
  });
}

/** The input's items by id, kept per input. */
export function itemsById(input: RiskInput): ReadonlyMap<string, RiskItem> {
  return memoOnInput(input, 'items-by-id', () => new Map(input.items.map((item) => [item.itemId, item])));
}

function openDependents(input: RiskInput): ReadonlySet<string> {
  return memoOnInput(input, 'open-dependents', () => computeOpenDependents(input));
}

function computeOpenDependents(input: RiskInput): Set<string> {
  const byId = itemsById(input);
  const out = new Set<string>();
  for (const link of input.links) {
    const blocker = byId.get(link.blockerId);
    const dependent = byId.get(link.dependentId);
    if (blocker && dependent && isOpenBlocker(blocker)) out.add(dependent.itemId);
  }
  return out;
}

/** A blocker stops blocking once done (or removed: cancelled work blocks nothing). */
export const isOpenBlocker = (item: RiskItem) => item.category !== 'done' && item.category !== 'removed';

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
