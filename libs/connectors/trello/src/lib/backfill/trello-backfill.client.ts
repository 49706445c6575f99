import { z } from 'zod';
import { TRELLO_TRACKED_ACTION_TYPES } from '../normalise/trello-action.normaliser';
import { trelloCardSchema, trelloListSchema, type TrelloCard, type TrelloList } from '../schema/trello-board.schema';
import { TrelloApiError } from './trello-api.error';
import { initialTrelloCheckpoint, type TrelloBackfillCheckpoint } from './trello-backfill.checkpoint';
import { TrelloHttpTransport, type TrelloTransportOptions } from './trello-http.transport';

export interface TrelloBackfillOptions extends TrelloTransportOptions {
  /** Actions per request; Trello's maximum (and the default) is 1000. */
  readonly pageSize?: number;
  /** Action types to ask for; default: every type the connector converts. */
  readonly actionTypes?: readonly string[];
}

export interface TrelloActionPage {
  /** Raw actions, newest first, as Trello returned them (converted with trelloActionsToEvents). */
  readonly actions: readonly unknown[];
  readonly count: number;
  /** Actions handed out so far in this back-fill, resumed runs included. */
  readonly total: number;
  /** Store this after handling the page; resuming from it never repeats the page. */
  readonly checkpoint: TrelloBackfillCheckpoint;
}

const pageSchema = z.array(z.looseObject({ id: z.string().min(1) }));

function parseResponse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new TrelloApiError(200, `unexpected ${what} response: ${parsed.error.issues[0]?.message ?? ''}`);
  return parsed.data;
}

/** Reads a board's lists, cards and action history from the Trello REST API. */
export class TrelloBackfillClient {
  private readonly transport: TrelloHttpTransport;

  constructor(private readonly options: TrelloBackfillOptions) {
    this.transport = new TrelloHttpTransport(options);
  }

  async getLists(boardId: string): Promise<TrelloList[]> {
    const body = await this.transport.getJson(`/1/boards/${encodeURIComponent(boardId)}/lists`, { filter: 'all' });
    return parseResponse(z.array(trelloListSchema), body, 'lists');
  }

  async getCards(boardId: string): Promise<TrelloCard[]> {
    const body = await this.transport.getJson(`/1/boards/${encodeURIComponent(boardId)}/cards/all`, {});
    return parseResponse(z.array(trelloCardSchema), body, 'cards');
  }

  /**
   * Pages the board's actions backwards (newest first) with `before=<oldest id seen>` until a short
   * page says the history is exhausted. Pass a stored checkpoint to resume.
   */
  async *actionPages(boardId: string, from?: TrelloBackfillCheckpoint | null): AsyncGenerator<TrelloActionPage> {
    if (from && from.boardId !== boardId) throw new RangeError(`checkpoint is for board ${from.boardId}, not ${boardId}`);
    let checkpoint = from ?? initialTrelloCheckpoint(boardId);
    const limit = Math.min(Math.max(1, this.options.pageSize ?? 1000), 1000);
    const filter = (this.options.actionTypes ?? TRELLO_TRACKED_ACTION_TYPES).join(',');
    while (!checkpoint.done) {
      const query: Record<string, string> = { filter, limit: String(limit) };
      if (checkpoint.before) query['before'] = checkpoint.before;
      const body = await this.transport.getJson(`/1/boards/${encodeURIComponent(boardId)}/actions`, query);
      const actions = parseResponse(pageSchema, body, 'actions');
      const oldest = actions.at(-1)?.id ?? checkpoint.before;
      checkpoint = {
        ...checkpoint,
        before: oldest,
        fetched: checkpoint.fetched + actions.length,
        pages: checkpoint.pages + 1,
        done: actions.length < limit,
      };
      if (actions.length > 0) yield { actions, count: actions.length, total: checkpoint.fetched, checkpoint };
    }
  }
}
