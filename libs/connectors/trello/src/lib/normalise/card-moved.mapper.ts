import { toIsoInstant } from '@flowlens/contracts';
import type { EventDraft } from './trello-event.factory';
import { drafts, type MapperOutcome } from './mapper-outcome';
import type { TrelloActionScope } from './trello-action.scope';

/**
 * A card moved between boards produces two actions with their own ids: moveCardFromBoard on the
 * source board and moveCardToBoard on the target board. Both map to a WorkItemMoved whose id is
 * built from the move itself (card, boards, second), so a move seen from both boards counts once.
 */
function movedDraft(scope: TrelloActionScope, fromBoardId: string, toBoardId: string): EventDraft {
  const card = scope.card();
  const second = toIsoInstant(scope.action.date).slice(0, 19);
  return {
    type: 'WorkItemMoved',
    discriminator: 'moved',
    boardId: toBoardId,
    idParts: ['moveCard', card.id, fromBoardId, toBoardId, second],
    payload: { fromBoardId, toBoardId, fromKey: card.key, toKey: card.key },
  };
}

/** Seen on the target board: it also says which list the card landed in. */
export function mapMovedToBoard(scope: TrelloActionScope): MapperOutcome {
  const from = scope.data.boardSource?.id;
  if (!from) scope.fail('no source board');
  const result = [movedDraft(scope, from, scope.boardId())];
  if (scope.data.list) {
    result.push({
      type: 'WorkItemStatusChanged',
      discriminator: 'status',
      payload: { from: null, to: scope.status(scope.data.list, 'target') },
    });
  }
  return drafts(...result);
}

/** Seen on the source board: the target list is unknown there, only the move is emitted. */
export function mapMovedFromBoard(scope: TrelloActionScope): MapperOutcome {
  const to = scope.data.boardTarget?.id;
  if (!to) scope.fail('no target board');
  return drafts(movedDraft(scope, scope.boardId(), to));
}
