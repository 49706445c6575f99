import { deterministicEventId, toIsoInstant, type NormalisationContext, type NormalisationResult } from '@flowlens/contracts';
import type { TrelloAction } from '../schema/trello-action.schema';
import { mapCardCreated, mapCardDeleted } from './card-created.mapper';
import { mapLabelAdded, mapLabelRemoved } from './card-label.mapper';
import { mapMemberAdded, mapMemberRemoved } from './card-member.mapper';
import { mapMovedFromBoard, mapMovedToBoard } from './card-moved.mapper';
import { mapCardUpdated } from './card-updated.mapper';
import type { TrelloActionMapper } from './mapper-outcome';
import { TrelloActionScope } from './trello-action.scope';
import { makeTrelloEvent } from './trello-event.factory';
import type { TrelloLookup } from './trello-lookup';

const MAPPERS: Readonly<Record<string, TrelloActionMapper>> = {
  createCard: mapCardCreated,
  copyCard: mapCardCreated,
  emailCard: mapCardCreated,
  convertToCardFromCheckItem: mapCardCreated,
  updateCard: mapCardUpdated,
  deleteCard: mapCardDeleted,
  moveCardToBoard: mapMovedToBoard,
  moveCardFromBoard: mapMovedFromBoard,
  addMemberToCard: mapMemberAdded,
  removeMemberFromCard: mapMemberRemoved,
  addLabelToCard: mapLabelAdded,
  removeLabelFromCard: mapLabelRemoved,
};

const IGNORED: Readonly<Record<string, string>> = {
  commentCard: 'comments are not tracked (kept in the raw log only)',
  createList:
    'lists are statuses: the board list set (BoardUpserted) comes from the back-fill, which reads every list',
  updateList:
    'list renames and moves are not item changes; statuses carry the list id, and the back-fill re-sends the list set',
};

/** Action types that can produce events; the back-fill asks Trello for these only. */
export const TRELLO_TRACKED_ACTION_TYPES: readonly string[] = Object.keys(MAPPERS);

const CREATION_TYPES: ReadonlySet<string> = new Set(['createCard', 'copyCard', 'emailCard', 'convertToCardFromCheckItem']);

/** Actions that bring a card into existence (a synthetic creation is needed for cards without one). */
export function isTrelloCreation(type: string): boolean {
  return CREATION_TYPES.has(type);
}

/**
 * One schema-valid Trello action -> canonical events. The event ids are derived from the action id
 * (and a discriminator per event), so a webhook, its retries, the back-fill and a file import of the
 * same action give the same ids. Throws NormalisationError when the action cannot be converted.
 */
export function trelloActionToEvents(
  action: TrelloAction,
  ctx: NormalisationContext,
  lookup: TrelloLookup = {},
): NormalisationResult {
  const mapper = MAPPERS[action.type];
  if (!mapper) return { kind: 'ignored', reason: IGNORED[action.type] ?? `action type ${action.type} is not tracked` };
  const scope = new TrelloActionScope(action, lookup);
  const outcome = mapper(scope);
  if ('ignored' in outcome) return { kind: 'ignored', reason: outcome.ignored };
  const card = scope.card();
  const occurredAt = toIsoInstant(action.date);
  const events = outcome.drafts.map((draft, sequence) =>
    makeTrelloEvent(
      ctx,
      {
        eventId: deterministicEventId(ctx.workspaceId, 'trello', ...(draft.idParts ?? [action.id, draft.discriminator])),
        sourceEventId: action.id,
        occurredAt,
        sequence,
        boardId: draft.boardId ?? scope.boardId(),
        itemId: card.id,
        itemKey: card.key,
      },
      draft,
    ),
  );
  return { kind: 'events', events };
}
