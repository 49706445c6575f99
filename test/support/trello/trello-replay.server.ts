import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedTrelloBoard } from './recorded-board.types';

export interface ReplayedRequest {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly status: number;
}

/** Decides per request (1-based count over all requests) whether to answer 429, and with which Retry-After. */
export type ThrottlePolicy = (requestNumber: number, path: string) => { readonly retryAfter: string | null } | null;

export interface TrelloReplayOptions {
  readonly boards: readonly RecordedTrelloBoard[];
  readonly key?: string;
  readonly token?: string;
  readonly throttle?: ThrottlePolicy;
}

export interface TrelloReplayServer {
  readonly url: string;
  readonly requests: readonly ReplayedRequest[];
  stop(): Promise<void>;
}

/** Answers 429 on every n-th request, like Trello's 100-requests-per-10-seconds token limit does under load. */
export const everyNthRequest =
  (n: number, retryAfter: string | null = '1'): ThrottlePolicy =>
  (count) =>
    count % n === 0 ? { retryAfter } : null;

const OBJECT_ID = /^[0-9a-f]{24}$/i;

type Reply = { status: number; body: unknown; headers?: Record<string, string> };
const text = (status: number, body: string): Reply => ({ status, body, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** `before`/`since` take an action id or a date; ObjectIds sort by creation time. */
function cursorFilter(before: string | undefined, since: string | undefined) {
  const key = (value: string) => (action: { id: string; date: string }) =>
    OBJECT_ID.test(value) ? action.id.localeCompare(value.toLowerCase()) : action.date.localeCompare(new Date(value).toISOString());
  const b = before ? key(before) : null;
  const s = since ? key(since) : null;
  return (action: { id: string; date: string }) => (!b || b(action) < 0) && (!s || s(action) > 0);
}

function actions(board: RecordedTrelloBoard, query: URLSearchParams): Reply {
  const limitText = query.get('limit') ?? '50';
  const limit = Number(limitText);
  if (!Number.isInteger(limit) || limit < 0 || limit > 1000) return text(400, 'invalid value for limit');
  const filter = query.get('filter') ?? 'all';
  const types = filter === 'all' ? null : new Set(filter.split(','));
  const inWindow = cursorFilter(query.get('before') ?? undefined, query.get('since') ?? undefined);
  const page = board.actions.filter((a) => (!types || types.has(a.type)) && inWindow(a)).slice(0, limit);
  return { status: 200, body: page };
}

function route(options: TrelloReplayOptions, url: URL): Reply {
  const query = url.searchParams;
  if (query.get('key') !== (options.key ?? 'replay-key')) return text(401, 'invalid key');
  if (query.get('token') !== (options.token ?? 'replay-token')) return text(401, 'invalid token');
  const match = /^\/1\/boards\/([^/]+)\/(actions|lists|cards)(?:\/(all|open|closed))?$/.exec(url.pathname);
  if (!match) return text(404, 'Cannot GET ' + url.pathname);
  const [, boardId = '', resource, cardFilter] = match;
  if (!OBJECT_ID.test(boardId)) return text(400, 'invalid id');
  const board = options.boards.find((b) => b.board.id === boardId);
  if (!board) return text(404, 'The requested resource was not found.');
  if (resource === 'actions') return actions(board, query);
  if (resource === 'lists') {
    const filter = query.get('filter') ?? 'open';
    return { status: 200, body: board.lists.filter((l) => filter === 'all' || (filter === 'closed') === l.closed) };
  }
  const filter = cardFilter ?? query.get('filter') ?? 'open';
  return { status: 200, body: board.cards.filter((c) => filter === 'all' || (filter === 'closed') === c.closed) };
}

/** A local stand-in for api.trello.com serving recorded boards with Trello's paging and rate-limit behaviour. */
export async function startTrelloReplayServer(options: TrelloReplayOptions): Promise<TrelloReplayServer> {
  const requests: ReplayedRequest[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://replay.local');
    const throttled = options.throttle?.(requests.length + 1, url.pathname) ?? null;
    let reply: Reply;
    if (req.method !== 'GET') reply = text(405, 'method not allowed');
    else if (throttled) {
      const headers: Record<string, string> = throttled.retryAfter === null ? {} : { 'retry-after': throttled.retryAfter };
      reply = { status: 429, body: { error: 'API_TOKEN_LIMIT_EXCEEDED', message: 'Rate limit exceeded' }, headers };
    } else reply = route(options, url);
    requests.push({ path: url.pathname, query: Object.fromEntries(url.searchParams), status: reply.status });
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    res.writeHead(reply.status, { 'content-type': 'application/json; charset=utf-8', ...reply.headers });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
