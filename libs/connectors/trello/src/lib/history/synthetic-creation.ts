import {
  deterministicEventId,
  NormalisationError,
  toIsoInstant,
  tryIsoInstant,
  type CanonicalEvent,
  type NormalisationContext,
} from '@flowlens/contracts';
import { emptyTrelloFields } from '../normalise/card-created.mapper';
import { isTrelloCreation } from '../normalise/trello-action.normaliser';
import { makeTrelloEvent } from '../normalise/trello-event.factory';
import type { TrelloLookup } from '../normalise/trello-lookup';
import type { TrelloAction } from '../schema/trello-action.schema';
import type { TrelloCardState, TrelloMemberName } from './trello-history.types';
import { cardStartState } from './card-start-state';

export interface SyntheticCreationInput {
  readonly boardId: string;
  /** Valid actions of the history, any order. */
  readonly actions: readonly TrelloAction[];
  readonly cards: readonly TrelloCardState[];
  readonly members: readonly TrelloMemberName[];
  readonly lookup: TrelloLookup;
}

export interface SyntheticCreations {
  readonly events: CanonicalEvent[];
  readonly failed: ReadonlyArray<{ readonly cardId: string; readonly reason: string }>;
}

/** Trello ids are MongoDB ObjectIds: the first 4 bytes are the creation time in seconds. */
export function trelloIdTime(id: string): string | null {
  if (!/^[0-9a-f]{24}$/i.test(id)) return null;
  return new Date(parseInt(id.slice(0, 8), 16) * 1000).toISOString();
}

export const byTime = (a: TrelloAction, b: TrelloAction): number =>
  toIsoInstant(a.date).localeCompare(toIsoInstant(b.date)) || a.id.localeCompare(b.id);

function groupByCard(actions: readonly TrelloAction[]): Map<string, TrelloAction[]> {
  const groups = new Map<string, TrelloAction[]>();
  for (const action of [...actions].sort(byTime)) {
    const id = action.data.card?.id;
    if (!id) continue;
    const group = groups.get(id);
    if (group) group.push(action);
    else groups.set(id, [action]);
  }
  return groups;
}

interface CardInput {
  readonly cardId: string;
  readonly actions: readonly TrelloAction[];
  readonly card: TrelloCardState | undefined;
  readonly memberNames: ReadonlyMap<string, string | null>;
}

/** The id's creation second, unless the history shows the card earlier (ids not made by Trello). */
function creationTime(input: CardInput, ctx: NormalisationContext): string {
  const firstAction = input.actions[0] ? toIsoInstant(input.actions[0].date) : null;
  const fromId = trelloIdTime(input.cardId);
  if (fromId && (!firstAction || fromId <= firstAction)) return fromId;
  return firstAction ?? tryIsoInstant(input.card?.dateLastActivity) ?? ctx.receivedAt;
}

function synthesiseCard(input: CardInput, shared: SyntheticCreationInput, ctx: NormalisationContext): CanonicalEvent[] {
  const { cardId, actions, card } = input;
  const state = cardStartState(actions, card);
  if (!state.list) throw new NormalisationError(`card ${cardId}: no list known for its synthetic creation`);
  const listName = state.list.name || shared.lookup.listName?.(state.list.id) || state.list.id;
  const due = tryIsoInstant(state.dueDate);
  const assigneeId = state.memberIds.at(-1);
  const envelope = {
    sourceEventId: `card:${cardId}`,
    occurredAt: creationTime(input, ctx),
    boardId: state.originBoardId ?? shared.boardId,
    itemId: cardId,
    itemKey: state.key ?? shared.lookup.cardKey?.(cardId) ?? cardId,
  };
  const fields = {
    ...emptyTrelloFields(state.title),
    assignee: assigneeId ? { id: assigneeId, name: input.memberNames.get(assigneeId) ?? null } : null,
    dueDate: due ? due.slice(0, 10) : null,
    archived: state.archived,
  };
  const id = (what: string) => deterministicEventId(ctx.workspaceId, 'trello', 'card', cardId, what);
  const events = [
    makeTrelloEvent(ctx, { ...envelope, eventId: id('synthetic-created'), sequence: 0 }, {
      type: 'WorkItemCreated',
      payload: { fields, status: { id: state.list.id, name: listName, category: null } },
    }),
  ];
  if (state.blocked) {
    const blocked = { type: 'WorkItemBlocked' as const, payload: { reason: 'label' as const, note: null } };
    events.push(makeTrelloEvent(ctx, { ...envelope, eventId: id('synthetic-blocked'), sequence: 1 }, blocked));
  }
  return events;
}

/**
 * Cards without a creation action in the history (created before the window, or on another board)
 * get a synthetic WorkItemCreated at the card's creation time (read from its id), in the state the
 * card had before its first recorded action. Its eventId is
 * deterministicEventId(workspaceId, 'trello', 'card', cardId, 'synthetic-created'): stable across
 * runs and boards. A card carrying a `blocked` label at that point also gets a synthetic
 * WorkItemBlocked ('synthetic-blocked').
 */
export function synthesiseTrelloCreations(input: SyntheticCreationInput, ctx: NormalisationContext): SyntheticCreations {
  const created = new Set(input.actions.filter((a) => isTrelloCreation(a.type)).map((a) => a.data.card?.id));
  const groups = groupByCard(input.actions);
  const cards = new Map(input.cards.map((card) => [card.id, card]));
  const memberNames = new Map(input.members.map((member) => [member.id, member.fullName ?? null]));
  const events: CanonicalEvent[] = [];
  const failed: Array<{ cardId: string; reason: string }> = [];
  for (const cardId of new Set([...cards.keys(), ...groups.keys()])) {
    if (created.has(cardId)) continue;
    try {
      const cardInput = { cardId, actions: groups.get(cardId) ?? [], card: cards.get(cardId), memberNames };
      events.push(...synthesiseCard(cardInput, input, ctx));
    } catch (error) {
      if (!(error instanceof NormalisationError)) throw error;
      failed.push({ cardId, reason: error.message });
    }
  }
  return { events, failed };
}
