import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalEventSchema, type CanonicalEvent } from '@flowlens/contracts';
import { TRELLO_TRACKED_ACTION_TYPES, TrelloBackfillClient, trelloActionsToEvents } from '@flowlens/connector-trello';
import type { ImportPage } from './import-source';
import { TrelloRestSource } from './trello-rest.source';

type Board = { id: string; name: string; lists: unknown[]; cards: Array<{ id: string }>; actions: Array<{ id: string; type: string }> };
const board = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', '..', '..', '..', 'test', 'fixtures', 'trello', 'exports', 'platform-delivery.json'), 'utf8')) as Board;
const ctx = { workspaceId: 'ws-trello', connectorId: 'conn-trello', receivedAt: '2024-04-03T08:00:00.000Z', settings: {} };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** The Trello REST API over the recorded board export: lists, cards, and actions newest first, paged with `before`. */
const fakeTrello: typeof fetch = async (input) => {
  const url = new URL(String(input));
  if (url.pathname.endsWith('/lists')) return json(board.lists);
  if (url.pathname.endsWith('/cards/all')) return json(board.cards);
  const types = new Set((url.searchParams.get('filter') ?? '').split(','));
  const before = url.searchParams.get('before');
  const limit = Number(url.searchParams.get('limit'));
  return json(board.actions.filter((a) => types.has(a.type) && (!before || a.id < before)).slice(0, limit));
};

const source = (boardId = board.id) =>
  new TrelloRestSource(new TrelloBackfillClient({ key: 'k', token: 't', baseUrl: 'https://api.trello.test', fetch: fakeTrello, pageSize: 5 }), boardId, ctx, () => Date.parse('2024-04-03T08:00:00.000Z'));
const byId = (events: readonly CanonicalEvent[]) => [...events].sort((a, b) => a.eventId.localeCompare(b.eventId));

async function drain(pages: AsyncGenerator<ImportPage>, stopAfter = Infinity): Promise<ImportPage[]> {
  const out: ImportPage[] = [];
  for await (const page of pages) {
    out.push(page);
    if (out.length >= stopAfter) break;
  }
  return out;
}

describe('TrelloRestSource', () => {
  const tracked = board.actions.filter((a) => TRELLO_TRACKED_ACTION_TYPES.includes(a.type));
  const whole = trelloActionsToEvents(tracked, board.lists as never, { ...ctx, board: { id: board.id, name: board.name }, cards: board.cards as never, members: [] });

  it('gives, page by page, exactly the events of the whole-history conversion (synthetic creations included)', async () => {
    const pages = await drain(source().pages(null));
    const events = pages.flatMap((p) => p.events);
    for (const event of events) canonicalEventSchema.parse(event);
    expect(byId(events)).toEqual(byId(whole.events));
    expect(pages.flatMap((p) => p.failures)).toEqual([]);
    expect(pages.map((p) => p.progress.done)).toEqual([5, 10, 15, 20, tracked.length, tracked.length]);
    expect(pages.at(-1)?.progress.total).toBe(tracked.length);
  });

  it('resumes from a stored (JSON) checkpoint with the rest of the events and nothing twice', async () => {
    const first = await drain(source().pages(null), 2);
    const stored = JSON.parse(JSON.stringify(first.at(-1)?.checkpoint)) as unknown;
    const rest = await drain(source().pages(stored));
    const events = [...first, ...rest].flatMap((p) => p.events);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    expect(byId(events)).toEqual(byId(whole.events));
  });

  it('estimates the total from the time span covered while paging back towards the board creation', async () => {
    const [page] = await drain(source().pages(null), 1);
    expect(page?.progress.done).toBe(5);
    expect(page?.progress.total).toBeGreaterThan(5);
  });

  it("gives the board's id to every event when the job names the board by its short link", async () => {
    const events = (await drain(source('Kp3xQ9vB').pages(null))).flatMap((p) => p.events);
    expect(events.map((e) => e.boardId)).not.toContain('Kp3xQ9vB');
    expect(byId(events)).toEqual(byId(whole.events));
  });

  it('refuses a checkpoint of another shape', async () => {
    await expect(drain(source().pages({ version: 2 }))).rejects.toThrow();
  });
});
