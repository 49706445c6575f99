import { NormalisationError, type WorkItemFields } from '@flowlens/contracts';
import type { EventDraft } from './trello-event.factory';
import type { TrelloActionScope } from './trello-action.scope';

/** The card is gone (deleted) or now on another board (seen from the board it left). */
const NOT_OBSERVED: ReadonlySet<string> = new Set(['deleteCard', 'moveCardFromBoard']);

/**
 * `WorkItemObserved` for any card action that says which list the card is in (a comment, a
 * description edit, a label...), so a card first seen mid-life becomes known. Null when the action
 * names no card or no readable list: an observation never fails the action it travels with.
 */
export function observationDraft(scope: TrelloActionScope): EventDraft | null {
  const { card, list, listAfter } = scope.data;
  const where = listAfter ?? list;
  if (!card?.id || !where?.id || NOT_OBSERVED.has(scope.action.type)) return null;
  try {
    scope.boardId();
    const fields: Partial<WorkItemFields> = {};
    if (typeof card.name === 'string') fields.title = card.name;
    if (typeof card.closed === 'boolean') fields.archived = card.closed;
    return { type: 'WorkItemObserved', discriminator: 'observed', payload: { fields, status: scope.status(where, 'current') } };
  } catch (error) {
    if (error instanceof NormalisationError) return null;
    throw error;
  }
}
