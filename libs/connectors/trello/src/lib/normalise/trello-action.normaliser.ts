import { deterministicEventId, toIsoInstant, type NormalisationContext, type NormalisationResult } from '@flowlens/contracts';
import type { TrelloAction } from '../schema/trello-action.schema';
import { mapCardCreated, mapCardDeleted } from './card-created.mapper';
import { mapLabelAdded, mapLabelRemoved } from './card-label.mapper';
import { mapMemberAdded, mapMemberRemoved } from './card-member.mapper';
import { mapMovedFromBoard, mapMovedToBoard } from './card-moved.mapper';
import { mapCardUpdated } from './card-updated.mapper';
import { ignored, type TrelloActionMapper } from './mapper-outcome';
import { observationDraft } from './card-observed.mapper';
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

export interface TrelloActionOptions {
  /**
   * Add `WorkItemObserved` (the card in its current list) to each card action naming the list:
   * live webhooks, where a card may be first seen mid-life. A history has every action of the
   * card (and a synthetic creation), so it needs none.
   */
  readonly observe?: boolean;
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
  options: TrelloActionOptions = {},
): NormalisationResult {
  // Own keys only: a hostile action type such as `__proto__` must read as untracked, not as Object.prototype.
  const mapper = Object.hasOwn(MAPPERS, action.type) ? MAPPERS[action.type] : undefined;
  const scope = new TrelloActionScope(action, lookup);
  const outcome = mapper ? mapper(scope) : ignored((Object.hasOwn(IGNORED, action.type) ? IGNORED[action.type] : undefined) ?? `action type ${action.type} is not tracked`);
  const observed = options.observe && !isTrelloCreation(action.type) ? observationDraft(scope) : null;
  const list = 'drafts' in outcome ? [...outcome.drafts, ...(observed ? [observed] : [])] : observed ? [observed] : [];
  if (list.length === 0) return { kind: 'ignored', reason: 'ignored' in outcome ? outcome.ignored : `${action.type} gives no event` };
  const card = scope.card();
  const occurredAt = toIsoInstant(action.date);
  const events = list.map((draft, sequence) =>
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
