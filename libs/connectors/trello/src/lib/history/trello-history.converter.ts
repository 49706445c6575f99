import { NormalisationError, type CanonicalEvent, type NormalisationContext } from '@flowlens/contracts';
import { trelloActionToEvents } from '../normalise/trello-action.normaliser';
import type { TrelloLookup } from '../normalise/trello-lookup';
import { trelloActionSchema, type TrelloAction } from '../schema/trello-action.schema';
import type { TrelloCardState, TrelloListState, TrelloMemberName } from './trello-history.types';
import { toDetails } from '../schema/zod-details.util';
import { trelloBoardUpserted } from './board-snapshot.event';
import { synthesiseTrelloCreations } from './synthetic-creation';

export interface TrelloHistoryContext extends NormalisationContext {
  readonly board: { readonly id: string; readonly name: string };
  /** Current state of the board's cards (`/cards/all`): needed for cards created before the history. */
  readonly cards?: readonly TrelloCardState[];
  /** Board members, to name assignees of synthetic creations. */
  readonly members?: readonly TrelloMemberName[];
}

export interface TrelloHistoryResult {
  /** Ordered by (occurredAt, sequence, eventId). */
  readonly events: CanonicalEvent[];
  readonly ignored: ReadonlyArray<{ readonly actionId: string; readonly type: string; readonly reason: string }>;
  /** Actions, or cards needing a synthetic creation, that could not be converted; the rest still is. */
  readonly failed: ReadonlyArray<{ readonly kind: 'action' | 'card'; readonly id: string | null; readonly reason: string }>;
}

export const compareEvents = (a: CanonicalEvent, b: CanonicalEvent): number =>
  a.occurredAt.localeCompare(b.occurredAt) || a.sequence - b.sequence || a.eventId.localeCompare(b.eventId);

function historyLookup(lists: readonly TrelloListState[], ctx: TrelloHistoryContext): TrelloLookup {
  const listNames = new Map(lists.map((list) => [list.id, list.name]));
  const keys = new Map((ctx.cards ?? []).flatMap((card) => (card.shortLink ? [[card.id, card.shortLink] as const] : [])));
  return { boardId: ctx.board.id, listName: (id) => listNames.get(id) || undefined, cardKey: (id) => keys.get(id) };
}

/**
 * A board's history (actions in any order, as the API pages or an export give them) -> the same
 * canonical events its webhooks give, plus a BoardUpserted for the list set and synthetic creations
 * for cards created before the history starts.
 */
export function trelloActionsToEvents(
  actions: readonly unknown[],
  lists: readonly TrelloListState[],
  ctx: TrelloHistoryContext,
): TrelloHistoryResult {
  const lookup = historyLookup(lists, ctx);
  const valid = new Map<string, TrelloAction>();
  const events: CanonicalEvent[] = [trelloBoardUpserted(ctx.board, lists, ctx)];
  const ignored: Array<{ actionId: string; type: string; reason: string }> = [];
  const failed: Array<{ kind: 'action' | 'card'; id: string | null; reason: string }> = [];
  for (const raw of actions) {
    const parsed = trelloActionSchema.safeParse(raw);
    if (!parsed.success) {
      const id = (raw as { id?: unknown } | null)?.id;
      const reason = toDetails(parsed.error).map((d) => `${d.path}: ${d.message}`).join('; ');
      failed.push({ kind: 'action', id: typeof id === 'string' ? id : null, reason: `not a Trello action (${reason})` });
      continue;
    }
    if (valid.has(parsed.data.id)) continue;
    valid.set(parsed.data.id, parsed.data);
    try {
      const result = trelloActionToEvents(parsed.data, ctx, lookup);
      if (result.kind === 'events') events.push(...result.events);
      else ignored.push({ actionId: parsed.data.id, type: parsed.data.type, reason: result.reason });
    } catch (error) {
      if (!(error instanceof NormalisationError)) throw error;
      failed.push({ kind: 'action', id: parsed.data.id, reason: error.message });
    }
  }
  const synthetic = synthesiseTrelloCreations(
    { boardId: ctx.board.id, actions: [...valid.values()], cards: ctx.cards ?? [], members: ctx.members ?? [], lookup },
    ctx,
  );
  events.push(...synthetic.events);
  failed.push(...synthetic.failed.map((f) => ({ kind: 'card' as const, id: f.cardId, reason: f.reason })));
  return { events: events.sort(compareEvents), ignored, failed };
}
