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
  for (const [boardId, { done, by }] of boards) {
    const counts = [...by.values()].sort((a, b) => b - a);
    const topShare = counts.length ? counts[0] / done : 0;
    let sum = 0;
    let people: number | null = null;
    for (let i = 0; i < counts.length && people === null; i++) {
      sum += counts[i];
      if (sum >= 0.8 * done) people = i + 1;
    }
    out.push({ boardId, done, topShare, peopleFor80: people, flagged: topShare > CONCENTRATION_SHARE && done >= CONCENTRATION_MIN_DONE });
  }
  return out.sort((a, b) => cmp(a.boardId, b.boardId));
}

/**
 * computeConcentration over the input's items done in [fromMs, toEndMs): the done work items are
 * kept by done instant per input, so a request reads its window's items, not the whole input.
 */
export function concentrationOf(input: RiskInput, boardIds: readonly string[], fromMs: number, toEndMs: number): Concentration[] {
  const done = memoOnInput(input, 'done-work-by-instant', () => {
    const items = input.items.filter((item) => isWorkItem(item) && item.doneAt !== null).sort((a, b) => (a.doneAt as number) - (b.doneAt as number));
    return { items, at: items.map((item) => item.doneAt as number) };
  });
  const first = countAtMost(done.at, fromMs - 1);
  const end = countAtMost(done.at, toEndMs - 1);
  return computeConcentration(done.items.slice(first, end), boardIds, fromMs, toEndMs);
}
