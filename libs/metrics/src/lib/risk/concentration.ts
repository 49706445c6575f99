import { cmp, inScope } from './item-signals';
import { countAtMost } from './on-time';
import { isWorkItem, memoOnInput, type RiskInput, type RiskItem } from './risk-item';

export interface Concentration {
  readonly boardId: string;
  readonly done: number;
  /** Share of the done items by the assignee with the most; null with none done. */
  readonly topShare: number | null;
  /** The fewest assignees who together did at least 80%; null when the assigned items fall short. */
  readonly peopleFor80: number | null;
  readonly flagged: boolean;
}

export const CONCENTRATION_SHARE = 0.5;
export const CONCENTRATION_MIN_DONE = 10;

/** Per board of the scope, over items done in [fromMs, toEndMs) by their current assignee. */
export function computeConcentration(items: readonly RiskItem[], boardIds: readonly string[], fromMs: number, toEndMs: number): Concentration[] {
  const boards = new Map<string, { done: number; by: Map<string, number> }>();
  for (const item of items.filter(inScope(boardIds))) {
    if (!isWorkItem(item) || item.doneAt === null || item.doneAt < fromMs || item.doneAt >= toEndMs) continue;
    const board = boards.get(item.boardId) ?? { done: 0, by: new Map<string, number>() };
    board.done++;
    if (item.assignee !== null) board.by.set(item.assignee, (board.by.get(item.assignee) ?? 0) + 1);
    boards.set(item.boardId, board);
  }
  const out: Concentration[] = [];
  for (const [boardId, { done, by }] of boards) out.push(concentrationFrom(boardId, done, [...by.values()]));
  return out.sort((a, b) => cmp(a.boardId, b.boardId));
}

/** A board's figure from its done count and the counts of its assignees (any order). */
function concentrationFrom(boardId: string, done: number, byAssignee: number[]): Concentration {
  const counts = byAssignee.sort((a, b) => b - a);
  const topShare = counts.length ? counts[0] / done : 0;
  let sum = 0;
  let people: number | null = null;
  for (let i = 0; i < counts.length && people === null; i++) {
    sum += counts[i];
    if (sum >= 0.8 * done) people = i + 1;
  }
  return { boardId, done, topShare, peopleFor80: people, flagged: topShare > CONCENTRATION_SHARE && done >= CONCENTRATION_MIN_DONE };
}

/** The input's done work items by done instant, their board and assignee as small integers. */
interface DoneIndex {
  readonly at: number[];
  readonly board: Int32Array;
  /** -1 when unassigned. */
  readonly person: Int32Array;
  readonly boardIds: readonly string[];
  readonly people: number;
}

function doneIndex(input: RiskInput): DoneIndex {
  return memoOnInput(input, 'done-work-by-instant', () => {
    const items = input.items.filter((item) => isWorkItem(item) && item.doneAt !== null).sort((a, b) => (a.doneAt as number) - (b.doneAt as number));
    const boards = new Map<string, number>();
    const people = new Map<string, number>();
    const numbered = (of: Map<string, number>, id: string) => {
      let n = of.get(id);
      if (n === undefined) of.set(id, (n = of.size));
      return n;
    };
    const board = new Int32Array(items.length);
    const person = new Int32Array(items.length);
    items.forEach((item, i) => {
      board[i] = numbered(boards, item.boardId);
      person[i] = item.assignee === null ? -1 : numbered(people, item.assignee);
    });
    return { at: items.map((item) => item.doneAt as number), board, person, boardIds: [...boards.keys()], people: people.size };
  });
}

/**
 * computeConcentration over the input's items done in [fromMs, toEndMs): the done work items are
 * kept by done instant per input, boards and assignees numbered, so a request counts its window's
 * items in integer-keyed maps (a portfolio's 90 days are ~10^5 items) and reads nothing else.
 */
export function concentrationOf(input: RiskInput, boardIds: readonly string[], fromMs: number, toEndMs: number): readonly Concentration[] {
  const done = doneIndex(input);
  const first = countAtMost(done.at, fromMs - 1);
  const end = countAtMost(done.at, toEndMs - 1);
  // The same items (the window's first and last index) give the same figures: the requests of a
  // day each end at their own instant but mostly read the same done items.
  const made = memoOnInput(input, 'concentration-by-window', () => new Map<string, Concentration[]>());
  const key = `${first}\u0000${end}\u0000${boardIds.join('\u0000')}`;
  let out = made.get(key);
  if (out === undefined) {
    if (made.size >= 64) made.clear();
    made.set(key, (out = countConcentration(done, boardIds, first, end)));
  }
  return out;
}

function countConcentration(done: DoneIndex, boardIds: readonly string[], first: number, end: number): Concentration[] {
  const wanted = boardIds.length === 0 ? null : new Set(boardIds);
  const inScope = done.boardIds.map((boardId) => wanted === null || wanted.has(boardId));
  const doneOnBoard = new Int32Array(done.boardIds.length);
  // board × people + person -> items done by that person on that board.
  const byPerson = new Map<number, number>();
  for (let i = first; i < end; i++) {
    const board = done.board[i];
    if (!inScope[board]) continue;
    doneOnBoard[board]++;
    const person = done.person[i];
    if (person < 0) continue;
    const cell = board * done.people + person;
    byPerson.set(cell, (byPerson.get(cell) ?? 0) + 1);
  }
  const counts = done.boardIds.map((): number[] => []);
  for (const [cell, n] of byPerson) counts[Math.floor(cell / done.people)].push(n);
  const out: Concentration[] = [];
  done.boardIds.forEach((boardId, board) => {
    if (doneOnBoard[board] !== 0) out.push(concentrationFrom(boardId, doneOnBoard[board], counts[board]));
  });
  return out.sort((a, b) => cmp(a.boardId, b.boardId));
}
