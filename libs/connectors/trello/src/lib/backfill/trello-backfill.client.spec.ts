import { TrelloApiError } from './trello-api.error';
import { parseTrelloCheckpoint, type TrelloBackfillCheckpoint } from './trello-backfill.checkpoint';
import { TrelloBackfillClient, type TrelloActionPage } from './trello-backfill.client';

const BOARD = '651a7880c4d5e6f708192a3b';
const action = (n: number) => ({ id: (0x65e00000 + n).toString(16) + 'a1b2c3d4e5f60718', type: 'updateCard', date: '2024-03-04T09:12:31.418Z', data: {} });
const HISTORY = Array.from({ length: 7 }, (_, i) => action(7 - i));

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
function fakeTrello(replies: Array<Reply | ((url: URL) => Reply)> = []) {
  const urls: URL[] = [];
  const fetchFn = async (input: string | URL | Request): Promise<Response> => {
    const url = new URL(String(input));
    urls.push(url);
    const next = replies.shift();
    const reply = typeof next === 'function' ? next(url) : (next ?? page(url));
    return new Response(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? null), { status: reply.status, headers: reply.headers });
  };
  return { fetchFn: fetchFn as typeof fetch, urls };
}
function page(url: URL): Reply {
  const before = url.searchParams.get('before');
  const limit = Number(url.searchParams.get('limit'));
  const older = HISTORY.filter((a) => !before || a.id < before);
  return { status: 200, body: older.slice(0, limit) };
}
async function collect(pages: AsyncIterable<TrelloActionPage>, stopAfter = Infinity): Promise<TrelloActionPage[]> {
  const result: TrelloActionPage[] = [];
  for await (const p of pages) {
    result.push(p);
    if (result.length >= stopAfter) break;
  }
  return result;
}
const client = (fetchFn: typeof fetch, sleeps: number[] = [], extra = {}) =>
  new TrelloBackfillClient({ key: 'k3y', token: 't0ken', baseUrl: 'https://trello.test/', fetch: fetchFn, sleep: async (ms) => void sleeps.push(ms), pageSize: 3, ...extra });

describe('TrelloBackfillClient', () => {
  it('pages actions backwards with before=<oldest id> until a short page', async () => {
    const { fetchFn, urls } = fakeTrello();
    const pages = await collect(client(fetchFn).actionPages(BOARD));
    expect(pages.map((p) => p.count)).toEqual([3, 3, 1]);
    expect(pages.map((p) => p.total)).toEqual([3, 6, 7]);
    expect(pages.flatMap((p) => p.actions)).toEqual(HISTORY);
    expect(urls.map((u) => u.searchParams.get('before'))).toEqual([null, HISTORY[2]?.id, HISTORY[5]?.id]);
    expect(urls[0]?.pathname).toBe(`/1/boards/${BOARD}/actions`);
    expect(urls[0]?.searchParams.get('filter')).toContain('updateCard');
    expect(urls[0]?.searchParams.get('key')).toBe('k3y');
    expect(urls[0]?.searchParams.get('token')).toBe('t0ken');
    expect(pages.at(-1)?.checkpoint).toMatchObject({ done: true, fetched: 7, pages: 3 });
  });

  it('asks once more after a full last page and stops on the empty answer', async () => {
    const { fetchFn, urls } = fakeTrello();
    const pages = await collect(client(fetchFn, [], { pageSize: 7 }).actionPages(BOARD));
    expect(pages.map((p) => p.count)).toEqual([7]);
    expect(urls).toHaveLength(2);
  });

  it('waits out 429 as told by Retry-After, then retries the same page', async () => {
    const sleeps: number[] = [];
    const { fetchFn, urls } = fakeTrello([{ status: 429, body: { error: 'API_TOKEN_LIMIT_EXCEEDED' }, headers: { 'retry-after': '2' } }, { status: 429, body: 'rate limited' }]);
    const pages = await collect(client(fetchFn, sleeps).actionPages(BOARD));
    expect(sleeps).toEqual([2000, 2000]);
    expect(urls.slice(0, 3).map((u) => u.searchParams.get('before'))).toEqual([null, null, null]);
    expect(pages.flatMap((p) => p.actions)).toHaveLength(7);
  });

  it('retries 5xx with capped backoff and gives up after maxAttempts', async () => {
    const sleeps: number[] = [];
    const { fetchFn } = fakeTrello(Array.from({ length: 4 }, () => ({ status: 503, body: 'unavailable' })));
    const run = collect(client(fetchFn, sleeps, { maxAttempts: 4, initialBackoffMs: 100, maxBackoffMs: 250 }).actionPages(BOARD));
    await expect(run).rejects.toThrow(/gave up after 4 attempts/);
    expect(sleeps).toEqual([100, 200, 250]);
  });

  it('fails at once on 401/404 without leaking the key or token', async () => {
    const { fetchFn } = fakeTrello([{ status: 401, body: 'invalid token' }]);
    const error = await collect(client(fetchFn).actionPages(BOARD)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TrelloApiError);
    expect((error as TrelloApiError).status).toBe(401);
    expect((error as Error).message).not.toMatch(/k3y|t0ken/);
  });

  it('resumes from a stored checkpoint without repeating a page', async () => {
    const first = fakeTrello();
    const [page1] = await collect(client(first.fetchFn).actionPages(BOARD), 1);
    const stored = JSON.stringify(page1?.checkpoint);
    const second = fakeTrello();
    const rest = await collect(client(second.fetchFn).actionPages(BOARD, parseTrelloCheckpoint(stored)));
    const ids = [...(page1?.actions ?? []), ...rest.flatMap((p) => p.actions)].map((a) => (a as { id: string }).id);
    expect(ids).toEqual(HISTORY.map((a) => a.id));
    expect(second.urls[0]?.searchParams.get('before')).toBe(HISTORY[2]?.id);
    expect(rest.at(-1)?.total).toBe(7);
  });

  it('does nothing for a finished checkpoint and refuses one of another board', async () => {
    const { fetchFn, urls } = fakeTrello();
    const done: TrelloBackfillCheckpoint = { version: 1, boardId: BOARD, before: 'x', fetched: 7, pages: 3, done: true };
    expect(await collect(client(fetchFn).actionPages(BOARD, done))).toEqual([]);
    expect(urls).toHaveLength(0);
    await expect(collect(client(fetchFn).actionPages('other', done))).rejects.toThrow(RangeError);
  });

  it('reads lists with filter=all and every card, keeping a base-URL prefix', async () => {
    const lists = [{ id: 'l1', name: 'Backlog', closed: false, pos: 1 }];
    const cards = [{ id: 'c1', name: 'Card', idList: 'l1', closed: true }];
    const { fetchFn, urls } = fakeTrello([{ status: 200, body: lists }, { status: 200, body: cards }]);
    const api = client(fetchFn, [], { baseUrl: 'https://proxy.test/trello/' });
    expect(await api.getLists(BOARD)).toEqual(lists);
    expect(await api.getCards(BOARD)).toEqual(cards);
    expect(urls.map((u) => `${u.pathname}?filter=${u.searchParams.get('filter')}`)).toEqual([
      `/trello/1/boards/${BOARD}/lists?filter=all`,
      `/trello/1/boards/${BOARD}/cards/all?filter=null`,
    ]);
  });

  it('rejects a response of the wrong shape', async () => {
    const { fetchFn } = fakeTrello([{ status: 200, body: { message: 'not a list' } }]);
    await expect(client(fetchFn).getLists(BOARD)).rejects.toThrow(/unexpected lists response/);
  });

  it('reports a 200 answer that is not JSON', async () => {
    const { fetchFn } = fakeTrello([{ status: 200, body: '<html>maintenance</html>' }]);
    await expect(client(fetchFn).getCards(BOARD)).rejects.toThrow(/not JSON/);
  });

  it('rejects a corrupt checkpoint', () => {
    expect(() => parseTrelloCheckpoint('{')).toThrow(/not JSON/);
    expect(() => parseTrelloCheckpoint({ version: 2 })).toThrow(/invalid Trello back-fill checkpoint/);
  });
});
