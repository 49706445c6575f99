import { durationDays } from '../time/duration.util';
import { cmp, inScope, isOpenBlocker, itemsById } from './item-signals';
import type { RiskInput } from './risk-item';

export interface Dependency {
  readonly itemKey: string;
  readonly blockedByKey: string;
  readonly boardId: string;
  readonly blockedByBoardId: string;
  readonly crossTeam: boolean;
  readonly ageDays: number | null;
  readonly open: boolean;
}

/**
 * Every link whose dependent item (in scope) is not done. Links to an item that is deleted or
 * unknown at `t` are left out, as deleted items are from every figure.
 */
export function computeDependencies(input: RiskInput, boardIds: readonly string[]): Dependency[] {
  const byId = itemsById(input);
  const teamOf = (board: string) => input.teamOfBoard.get(board) ?? `board:${board}`;
  const out: Dependency[] = [];
  const scoped = inScope(boardIds);
  for (const link of input.links) {
    const dependent = byId.get(link.dependentId);
    const blocker = byId.get(link.blockerId);
    if (!dependent || !blocker || !scoped(dependent)) continue;
    if (dependent.category === 'done' || dependent.category === 'removed' || dependent.isEpic) continue;
    const since = dependent.startedAt === null ? null : Math.max(link.createdAt, dependent.startedAt);
    out.push({
      itemKey: dependent.itemKey,
      blockedByKey: blocker.itemKey,
      boardId: dependent.boardId,
      blockedByBoardId: blocker.boardId,
      crossTeam: teamOf(dependent.boardId) !== teamOf(blocker.boardId),
      ageDays: since === null ? null : durationDays(since, input.t),
      open: isOpenBlocker(blocker),
    });
  }
  return out.sort((a, b) => cmp(a.itemKey, b.itemKey) || cmp(a.blockedByKey, b.blockedByKey));
}
