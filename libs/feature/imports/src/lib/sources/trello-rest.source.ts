import { z } from 'zod';
import { type CanonicalEvent, NormalisationError, type NormalisationContext } from '@flowlens/contracts';
import {
  isTrelloCreation,
  synthesiseTrelloCreations,
  TrelloBackfillClient,
  trelloActionSchema,
  trelloActionToEvents,
  trelloBackfillCheckpointSchema,
  trelloBoardUpserted,
  trelloIdTime,
  initialTrelloCheckpoint,
  type TrelloAction,
  type TrelloCard,
  type TrelloList,
  type TrelloLookup,
} from '@flowlens/connector-trello';
import type { ImportFailureSample } from '@flowlens/persistence';
import type { ImportPage, ImportSource } from './import-source';

/**
 * Stored after each page. Trello pages newest first, so a card's creation comes after its other
 * actions: `pending` keeps the raw actions of cards whose creation has not been seen yet, and
 * the final step gives the cards that never got one a synthetic creation (as the connector's
 * whole-history conversion does).
 */
const checkpointSchema = z.object({
  version: z.literal(1),
  backfill: trelloBackfillCheckpointSchema,
  boardName: z.string().nullable(),
  created: z.array(z.string()),
  pending: z.array(z.unknown()),
});
type TrelloImportCheckpoint = z.infer<typeof checkpointSchema>;

/** A Trello board's action history over REST, converted action by action as webhooks are. */
export class TrelloRestSource implements ImportSource {
  readonly unit = 'actions' as const;

  constructor(
    private readonly client: TrelloBackfillClient,
    private readonly boardId: string,
    private readonly ctx: NormalisationContext,
    private readonly now: () => number = Date.now,
  ) {}

  async *pages(stored: unknown): AsyncGenerator<ImportPage> {
    const state: TrelloImportCheckpoint =
      stored === null || stored === undefined
        ? { version: 1, backfill: initialTrelloCheckpoint(this.boardId), boardName: null, created: [], pending: [] }
        : checkpointSchema.parse(stored);
    const lists = await this.client.getLists(this.boardId);
    const cards = await this.client.getCards(this.boardId);
    // The job may name the board by its short link; events carry the board's id, as webhooks do.
    const boardId = lists.find((list) => list.idBoard)?.idBoard ?? this.boardId;
    const lookup = lookupOf(boardId, lists, cards);
    const created = new Set(state.created);
    let pending = state.pending.map((raw) => trelloActionSchema.parse(raw));
    let boardName = state.boardName;
    let backfill = state.backfill;

    for await (const page of this.client.actionPages(this.boardId, backfill)) {
      const events: CanonicalEvent[] = [];
      const failures: ImportFailureSample[] = [];
      for (const raw of page.actions) {
        const parsed = trelloActionSchema.safeParse(raw);
        if (!parsed.success) {
          failures.push({ id: idOf(raw), reason: `not a Trello action: ${parsed.error.issues[0]?.message ?? ''}` });
          continue;
        }
        const action = parsed.data;
        boardName ??= action.data.board?.name ?? null;
        const cardId = action.data.card?.id;
        if (cardId && isTrelloCreation(action.type)) {
          created.add(cardId);
          pending = pending.filter((a) => a.data.card?.id !== cardId);
        } else if (cardId && !created.has(cardId)) {
          pending.push(action);
        }
        convert(action, this.ctx, lookup, events, failures);
      }
      const checkpoint: TrelloImportCheckpoint = { version: 1, backfill: page.checkpoint, boardName, created: [...created], pending };
      yield { events, failures, checkpoint, progress: { done: page.total, total: this.estimatedTotal(boardId, page.total, page.checkpoint.done, page.actions.at(-1)) } };
      backfill = page.checkpoint;
    }

    const uncreated = cards.filter((card) => !created.has(card.id));
    const synthetic = synthesiseTrelloCreations({ boardId, actions: pending, cards: uncreated, members: [], lookup }, this.ctx);
    const board = trelloBoardUpserted({ id: boardId, name: boardName ?? boardId }, lists, this.ctx);
    yield {
      events: [board, ...synthetic.events],
      failures: synthetic.failed.map((f) => ({ id: f.cardId, reason: f.reason })),
      // Pending actions stay: a re-run of this last step (crash before the job finished) must give the same events.
      checkpoint: { version: 1, backfill: { ...backfill, done: true }, boardName, created: [...created], pending },
      progress: { done: backfill.fetched, total: backfill.fetched },
    };
  }

  /**
   * Trello gives no action count. Pages go back in time towards the board's creation (its id
   * holds that instant), so the share of the time span covered estimates the share of actions.
   */
  private estimatedTotal(boardId: string, fetched: number, done: boolean, oldest: unknown): number | null {
    if (done) return fetched;
    const boardCreated = Date.parse(trelloIdTime(boardId) ?? '');
    const oldestAt = Date.parse(String((oldest as { date?: unknown } | undefined)?.date ?? ''));
    const span = this.now() - boardCreated;
    const covered = this.now() - oldestAt;
    if (!(span > 0) || !(covered > 0)) return null;
    return Math.max(fetched, Math.round(fetched / Math.min(1, covered / span)));
  }
}

function convert(action: TrelloAction, ctx: NormalisationContext, lookup: TrelloLookup, events: CanonicalEvent[], failures: ImportFailureSample[]): void {
  try {
    const result = trelloActionToEvents(action, ctx, lookup);
    if (result.kind === 'events') events.push(...result.events);
  } catch (error) {
    if (!(error instanceof NormalisationError)) throw error;
    failures.push({ id: action.id, reason: error.message });
  }
}

function lookupOf(boardId: string, lists: readonly TrelloList[], cards: readonly TrelloCard[]): TrelloLookup {
  const listNames = new Map(lists.map((list) => [list.id, list.name]));
  const keys = new Map(cards.flatMap((card) => (card.shortLink ? [[card.id, card.shortLink] as const] : [])));
  return { boardId, listName: (id) => listNames.get(id) || undefined, cardKey: (id) => keys.get(id) };
}

function idOf(raw: unknown): string | null {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : null;
}
