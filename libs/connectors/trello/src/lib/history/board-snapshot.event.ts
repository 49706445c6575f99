import { createHash } from 'node:crypto';
import { deterministicEventId, type CanonicalEvent, type NormalisationContext, type StatusRef } from '@flowlens/contracts';
import { makeTrelloEvent } from '../normalise/trello-event.factory';
import type { TrelloListState } from './trello-history.types';

/** Lists in board order; archived lists stay in the set because archived cards can still sit in them. */
export function trelloStatuses(lists: readonly TrelloListState[]): StatusRef[] {
  return [...lists]
    .map((list, index) => ({ list, index }))
    .sort((a, b) => (a.list.pos ?? Infinity) - (b.list.pos ?? Infinity) || a.index - b.index)
    .map(({ list }) => ({ id: list.id, name: list.name || list.id, category: null }));
}

/**
 * BoardUpserted with the full list set. Its id hashes the content, so re-running a back-fill on an
 * unchanged board gives the same event and a renamed or added list gives a new one.
 */
export function trelloBoardUpserted(
  board: { readonly id: string; readonly name: string },
  lists: readonly TrelloListState[],
  ctx: NormalisationContext,
): CanonicalEvent {
  const statuses = trelloStatuses(lists);
  const digest = createHash('sha256').update(JSON.stringify([board.name, statuses])).digest('hex');
  return makeTrelloEvent(
    ctx,
    {
      eventId: deterministicEventId(ctx.workspaceId, 'trello', 'board', board.id, digest),
      sourceEventId: `board:${board.id}`,
      occurredAt: ctx.receivedAt,
      sequence: 0,
      boardId: board.id,
      itemId: null,
      itemKey: null,
    },
    { type: 'BoardUpserted', payload: { name: board.name, statuses } },
  );
}
