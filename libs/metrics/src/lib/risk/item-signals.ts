import { groupBy } from '../stats/group-by';
import { durationDays, MS_PER_DAY } from '../time/duration.util';
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
  readonly signals: readonly ItemSignal[];
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

/** Bit i of an item's signal set is ITEM_SIGNALS[i]: what a loop over 10^5 items carries. */
export const ITEM_SIGNALS: readonly ItemSignal[] = ['aging', 'blocked', 'due-date', 'dependency'];
const AGING = 1 << 0;
const BLOCKED = 1 << 1;
const DUE_DATE = 1 << 2;
const DEPENDENCY = 1 << 3;

/** The names of the signals in a bit set, in ITEM_SIGNALS order (one shared list per set: 10^5 items carry 16 sets). */
export function signalsOf(bits: number): readonly ItemSignal[] {
  return SIGNAL_LISTS[bits] as readonly ItemSignal[];
}

const SIGNAL_LISTS: ReadonlyArray<readonly ItemSignal[]> = Array.from({ length: 1 << ITEM_SIGNALS.length }, (_, bits) =>
  Object.freeze(ITEM_SIGNALS.filter((_signal, i) => (bits & (1 << i)) !== 0)),
);

/** One candidate item as evaluated at `t`: its signals, age and P(on time), with its board's SLE. */
export interface SignalledItem {
  readonly item: RiskItem;
  /** The item's place among the input's candidates: the same item keeps it for the input's day. */
  readonly slot: number;
  readonly bits: number;
  readonly ageDays: number | null;
  readonly pOnTime: number | null;
  readonly history: readonly number[];
  readonly sleDays: number | null;
}

/**
 * Evaluates every candidate item in scope at `t`, boards in order and each board's items by key,
 * and hands each one with at least one signal to `visit` (the object is reused: read it there).
 * The loop reads each board's candidates as columns (10^5 items: touching each item's object
 * costs more than the arithmetic); only an item with a signal is read itself. Returns the
 * in-progress and blocked counts of the scope.
 */
export function forEachItemWithSignals(input: RiskInput, options: RiskOptions, visit: (signalled: SignalledItem) => void): { inProgress: number; blocked: number } {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const sle = sleHistories(input, options.sleWindow ?? DEFAULT_SLE_WINDOW);
  const candidates = candidatesByBoard(input);
  // Boards in order, each board's items by key: the list comes out in its order, unsorted.
  const boards = options.boardIds.length ? [...new Set(options.boardIds)].sort(cmp) : sortedBoards(input, candidates);
  const t = input.t;
  const out = { item: null as unknown as RiskItem, slot: 0, bits: 0, ageDays: null as number | null, pOnTime: null as number | null, history: [] as readonly number[], sleDays: null as number | null };
  let inProgress = 0;
  let blocked = 0;
  for (const board of boards) {
    const columns = candidates.get(board);
    if (columns === undefined) continue;
    const { history, sleDays } = sle(board);
    const { startedAt, isBlocked, dueEnd, isDependent } = columns;
    for (let i = 0; i < columns.items.length; i++) {
      const start = startedAt[i] as number;
      const started = start === start; // NaN when not in progress
      const ageDays = started ? (t - start) / MS_PER_DAY : null;
      let bits = 0;
      if (started) inProgress++;
      if (ageDays !== null && sleDays !== null && ageDays > sleDays) bits |= AGING;
      if (started && isBlocked[i] === 1) {
        blocked++;
        bits |= BLOCKED;
      }
      const end = dueEnd[i] as number;
      const p = end === end ? pOnTime(history, ageDays, (end - t) / MS_PER_DAY) : null;
      if (p !== null && p < threshold) bits |= DUE_DATE;
      if (isDependent[i] === 1) bits |= DEPENDENCY;
      if (bits === 0) continue;
      out.item = columns.items[i] as RiskItem;
      out.slot = columns.first + i;
      out.bits = bits;
      out.ageDays = ageDays;
      out.pOnTime = p;
      out.history = history;
      out.sleDays = sleDays;
      visit(out);
    }
  }
  return { inProgress, blocked };
}

/** Aging, blocked, due-date and dependency signals of the not-done work items in scope at `t`. */
export function computeItemRisks(input: RiskInput, options: RiskOptions): ItemRisks {
  const items: ItemRisk[] = [];
  const { inProgress, blocked } = forEachItemWithSignals(input, options, ({ item, bits, ageDays, pOnTime: p, history, sleDays }) => {
    items.push({
      itemKey: item.itemKey,
      boardId: item.boardId,
      signals: signalsOf(bits),
      ageDays,
      sleDays,
      pace: ageDays === null ? null : paceOf(history, ageDays),
      blockedDays: (bits & BLOCKED) !== 0 && item.blockedSince !== null ? durationDays(item.blockedSince, input.t) : null,
      dueDate: item.dueDate,
      pOnTime: p,
    });
  });
  return { items, inProgress, blocked, blockedShare: inProgress === 0 ? null : blocked / inProgress };
}

/** How many candidate items the input has: a SignalledItem's slot is below it. */
export function candidateCount(input: RiskInput): number {
  let count = 0;
  for (const columns of candidatesByBoard(input).values()) count += columns.items.length;
  return count;
}

function sortedBoards(input: RiskInput, candidates: ReadonlyMap<string, CandidateColumns>): readonly string[] {
  return memoOnInput(input, 'signal-candidate-boards', () => [...candidates.keys()].sort(cmp));
}

/** A board's candidates, by key, with what the signal loop reads of each as columns. */
interface CandidateColumns {
  readonly items: readonly RiskItem[];
  /** The slot of the board's first candidate (the next board's start after its last). */
  readonly first: number;
  /** Start of an item in progress; NaN when not in progress or never started. */
  readonly startedAt: Float64Array;
  readonly isBlocked: Uint8Array;
  /** End of the due date's local day; NaN without a due date. */
  readonly dueEnd: Float64Array;
  /** 1 when an open blocker links to the item. */
  readonly isDependent: Uint8Array;
}

/**
 * The not-done work items of each board that can carry a signal, by key, kept per input: those in
 * progress (they age, count in WIP and can be blocked) and those with a due date or an open
 * blocker. A backlog item with neither has no signal at any instant of the input's day.
 */
function candidatesByBoard(input: RiskInput): ReadonlyMap<string, CandidateColumns> {
  return memoOnInput(input, 'signal-candidates-by-board', () => {
    const dependents = openDependents(input);
    const started = (item: RiskItem) => isInProgress(item) && item.startedAt !== null;
    const canSignal = (item: RiskItem) => isWorkItem(item) && item.category !== 'done' && (started(item) || item.dueDate !== null || dependents.has(item.itemId));
    const byBoard = groupBy(input.items.filter(canSignal), (item) => item.boardId);
    const ends = new Map<string, number>();
    const dueEnd = (date: string) => {
      let end = ends.get(date);
      if (end === undefined) ends.set(date, (end = endOfLocalDay(date, input.timezone)));
      return end;
    };
    const out = new Map<string, CandidateColumns>();
    let first = 0;
    for (const [board, items] of [...byBoard].sort(([a], [b]) => cmp(a, b))) {
      items.sort((a, b) => cmp(a.itemKey, b.itemKey));
      out.set(board, {
        items,
        first,
        startedAt: Float64Array.from(items, (item) => (started(item) ? (item.startedAt as number) : NaN)),
        isBlocked: Uint8Array.from(items, (item) => (item.blocked ? 1 : 0)),
        dueEnd: Float64Array.from(items, (item) => (item.dueDate === null ? NaN : dueEnd(item.dueDate))),
        isDependent: Uint8Array.from(items, (item) => (dependents.has(item.itemId) ? 1 : 0)),
      });
      first += items.length;
    }
    return out;
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
