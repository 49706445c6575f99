import { canonicalEventSchema, deterministicEventId } from '@flowlens/contracts';
import {
  parseTrelloCheckpoint,
  TrelloApiError,
  TrelloBackfillClient,
  TRELLO_TRACKED_ACTION_TYPES,
  trelloActionsToEvents,
  trelloIdTime,
  type TrelloActionPage,
  type TrelloBackfillOptions,
} from '@flowlens/connector-trello';
import { generateTrelloBoard } from './trello-board.generator';
import { everyNthRequest, startTrelloReplayServer, type ThrottlePolicy, type TrelloReplayServer } from './trello-replay.server';

const recorded = generateTrelloBoard();
const BOARD = recorded.board.id;
const ctx = { workspaceId: 'ws-int', connectorId: 'conn-trello-int', receivedAt: '2024-04-01T06:00:00.000Z', settings: {} };
/** The client asks only for the action types that become events (comments are left out). */
const TRACKED = recorded.actions.filter((a) => TRELLO_TRACKED_ACTION_TYPES.includes(a.type)).map((a) => a.id);

async function drain(pages: AsyncIterable<TrelloActionPage>, stopAfter = Infinity): Promise<TrelloActionPage[]> {
  const out: TrelloActionPage[] = [];
  for await (const page of pages) {
    out.push(page);
    if (out.length >= stopAfter) break;
  }
  return out;
}
const idsOf = (pages: TrelloActionPage[]) => pages.flatMap((p) => p.actions.map((a) => (a as { id: string }).id));

describe('Trello back-fill against the replay server', () => {
  let server: TrelloReplayServer;
  let sleeps: number[];
  const start = async (throttle?: ThrottlePolicy) => {
    server = await startTrelloReplayServer({ boards: [recorded], throttle });
  };
  const options = (extra: Partial<TrelloBackfillOptions> = {}): TrelloBackfillOptions => ({
    key: 'replay-key',
    token: 'replay-token',
    baseUrl: server.url,
    sleep: async (ms) => void sleeps.push(ms),
    ...extra,
  });

  beforeEach(() => {
    sleeps = [];
  });
  afterEach(() => server.stop());

  it('fetches every tracked action once, paging backwards, and waits out 429 as Retry-After says', async () => {
    await start(everyNthRequest(2, '2'));
    expect(recorded.cards.length).toBeGreaterThanOrEqual(300);
    expect(TRACKED.length).toBeGreaterThan(1000);
    const pages = await drain(new TrelloBackfillClient(options()).actionPages(BOARD));
    expect(idsOf(pages)).toEqual(TRACKED);
    expect(pages.map((p) => p.count)).toEqual([1000, TRACKED.length - 1000]);
    expect(server.requests.map((r) => r.status)).toEqual([200, 429, 200]);
    expect(sleeps).toEqual([2000]);
    expect(server.requests.filter((r) => r.status === 200).map((r) => r.query['before'] ?? null)).toEqual([null, TRACKED[999]]);
  });

  it('backs off on its own when a 429 carries no Retry-After', async () => {
    await start((n) => (n <= 3 ? { retryAfter: null } : null));
    const pages = await drain(new TrelloBackfillClient(options({ initialBackoffMs: 500, maxBackoffMs: 1500 })).actionPages(BOARD));
    expect(idsOf(pages)).toHaveLength(TRACKED.length);
    expect(sleeps).toEqual([500, 1000, 1500]);
  });

  it('resumes from a stored checkpoint without duplicates or gaps', async () => {
    await start(everyNthRequest(4, '1'));
    const firstRun = await drain(new TrelloBackfillClient(options({ pageSize: 250 })).actionPages(BOARD), 2);
    const stored = JSON.stringify(firstRun.at(-1)?.checkpoint);
    const resumed = await drain(new TrelloBackfillClient(options({ pageSize: 250 })).actionPages(BOARD, parseTrelloCheckpoint(stored)));
    const ids = [...idsOf(firstRun), ...idsOf(resumed)];
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(TRACKED);
    expect(resumed.at(-1)?.checkpoint).toMatchObject({ done: true, fetched: TRACKED.length });
    expect(server.requests.filter((r) => r.status === 200)[2]?.query['before']).toBe(TRACKED[499]);
  });

  it('turns the fetched history into canonical events with exactly one creation per card', async () => {
    await start();
    const client = new TrelloBackfillClient(options());
    const lists = await client.getLists(BOARD);
    const cards = await client.getCards(BOARD);
    expect(lists).toHaveLength(recorded.lists.length);
    expect(cards).toHaveLength(recorded.cards.length);
    const actions = (await drain(client.actionPages(BOARD))).flatMap((p) => p.actions);
    const history = { ...ctx, board: recorded.board, cards, members: recorded.members };
    const result = trelloActionsToEvents(actions, lists, history);
    expect(result.failed).toEqual([]);
    for (const event of result.events) canonicalEventSchema.parse(event);
    const creations = new Map<string, number>();
    for (const e of result.events) if (e.type === 'WorkItemCreated' && e.itemId) creations.set(e.itemId, (creations.get(e.itemId) ?? 0) + 1);
    for (const card of cards) expect(creations.get(card.id)).toBe(1);
    const oldCard = cards.find((c) => (trelloIdTime(c.id) ?? '') < recorded.historyStart);
    const synthetic = result.events.find((e) => e.eventId === deterministicEventId('ws-int', 'trello', 'card', oldCard?.id ?? '', 'synthetic-created'));
    expect(synthetic).toMatchObject({ type: 'WorkItemCreated', itemId: oldCard?.id, occurredAt: trelloIdTime(oldCard?.id ?? '') });
    const again = trelloActionsToEvents([...actions].reverse(), lists, { ...history, receivedAt: '2024-05-01T00:00:00.000Z' });
    expect(again.events.map((e) => e.eventId).sort()).toEqual(result.events.map((e) => e.eventId).sort());
  });

  it('reports a wrong token as a TrelloApiError without retrying', async () => {
    await start();
    const error = await drain(new TrelloBackfillClient(options({ token: 'wrong' })).actionPages(BOARD)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrelloApiError);
    expect((error as TrelloApiError).status).toBe(401);
    expect(server.requests.map((r) => r.status)).toEqual([401]);
    expect(sleeps).toEqual([]);
  });
});
