import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedJiraProject } from './recorded-project.types';

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly authorization: string | undefined;
  /** The status the server answered. */
  status: number;
}

/** Decides, per request (0-based index), whether to shed it as Jira does under load. */
export type ThrottleRule = (request: RecordedRequest, index: number) => { status: 429 | 503; retryAfter?: string } | null;

export interface JiraReplayServerOptions {
  readonly project: RecordedJiraProject;
  /** Jira caps `maxResults`; the server answers with at most this many issues per page. */
  readonly maxSearchResults?: number;
  readonly maxChangelogResults?: number;
  /** Jira Cloud answers at most 50 versions a page. */
  readonly maxVersionResults?: number;
  readonly throttle?: ThrottleRule;
  /** When set, any other Authorization header gets a 401. */
  readonly expectedAuthorization?: string;
}

export interface JiraReplayServer {
  readonly baseUrl: string;
  readonly requests: RecordedRequest[];
  /** Requests answered with 429 or 503. */
  throttled(): number;
  stop(): Promise<void>;
}

/** Throttles every n-th request with the given status and Retry-After. */
export function throttleEvery(n: number, status: 429 | 503 = 429, retryAfter = '1'): ThrottleRule {
  return (_request, index) => (index % n === n - 1 ? { status, retryAfter } : null);
}

const jqlHash = (jql: string) => createHash('sha256').update(jql).digest('hex').slice(0, 12);
const encodeToken = (offset: number, jql: string) => Buffer.from(JSON.stringify({ o: offset, q: jqlHash(jql) })).toString('base64url');

function decodeToken(token: string, jql: string): number | null {
  try {
    const { o, q } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o: unknown; q: unknown };
    return typeof o === 'number' && q === jqlHash(jql) ? o : null;
  } catch {
    return null;
  }
}

function send(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'Content-Type': 'application/json;charset=UTF-8', ...headers });
  response.end(JSON.stringify(body));
}

const errorBody = (message: string) => ({ errorMessages: [message], errors: {} });

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves a recorded project with the paging semantics of Jira Cloud's REST API v3. */
export async function startJiraReplayServer(options: JiraReplayServerOptions): Promise<JiraReplayServer> {
  const { project } = options;
  const byId = new Map(project.issues.map((recorded) => [recorded.issue.id, recorded]));
  const requests: RecordedRequest[] = [];
  const maxSearch = options.maxSearchResults ?? 100;
  const maxChangelog = options.maxChangelogResults ?? 100;

  const handle = async (request: IncomingMessage, response: ServerResponse, base: string): Promise<void> => {
    const url = new URL(request.url ?? '/', base);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: request.headers.authorization,
      status: 0,
    };
    const reply = (status: number, body: unknown, headers?: Record<string, string>) => {
      recorded.status = status;
      send(response, status, body, headers);
    };
    const index = requests.push(recorded) - 1;
    if (options.expectedAuthorization && request.headers.authorization !== options.expectedAuthorization) {
      return reply(401, errorBody('Client must be authenticated to access this resource.'));
    }
    const shed = options.throttle?.(recorded, index);
    if (shed) return reply(shed.status, errorBody('Rate limit exceeded.'), shed.retryAfter === undefined ? {} : { 'Retry-After': shed.retryAfter });

    if (recorded.method === 'GET' && url.pathname === '/rest/api/3/search/jql') {
      const jql = url.searchParams.get('jql') ?? '';
      const token = url.searchParams.get('nextPageToken');
      const offset = token === null ? 0 : decodeToken(token, jql);
      if (offset === null) return reply(400, errorBody('The provided next page token is invalid or expired.'));
      const size = Math.min(maxSearch, Number(url.searchParams.get('maxResults') ?? 50) || 50);
      const issues = project.issues.slice(offset, offset + size).map((r) => r.issue);
      const next = offset + issues.length;
      const isLast = next >= project.issues.length;
      // Like Jira Cloud, the last page has no nextPageToken key at all.
      return reply(200, { issues, ...(isLast ? {} : { nextPageToken: encodeToken(next, jql) }), isLast });
    }
    if (recorded.method === 'POST' && url.pathname === '/rest/api/3/search/approximate-count') {
      await readBody(request);
      return reply(200, { count: project.issues.length });
    }
    const changelog = /^\/rest\/api\/3\/issue\/([^/]+)\/changelog$/.exec(url.pathname);
    if (recorded.method === 'GET' && changelog?.[1]) {
      const issue = byId.get(decodeURIComponent(changelog[1]));
      if (!issue) return reply(404, errorBody('Issue does not exist or you do not have permission to see it.'));
      const startAt = Number(url.searchParams.get('startAt') ?? 0);
      const maxResults = Math.min(maxChangelog, Number(url.searchParams.get('maxResults') ?? 100) || 100);
      const values = issue.histories.slice(startAt, startAt + maxResults);
      const total = issue.histories.length;
      const isLast = startAt + values.length >= total;
      const self = `${base}/rest/api/3/issue/${issue.issue.id}/changelog?maxResults=${maxResults}&startAt=${startAt}`;
      const nextPage = isLast ? {} : { nextPage: `${base}/rest/api/3/issue/${issue.issue.id}/changelog?maxResults=${maxResults}&startAt=${startAt + maxResults}` };
      return reply(200, { self, ...nextPage, maxResults, startAt, total, isLast, values });
    }
    const versions = /^\/rest\/api\/3\/project\/([^/]+)\/version$/.exec(url.pathname);
    if (recorded.method === 'GET' && versions?.[1]) {
      if (decodeURIComponent(versions[1]) !== project.project.key) return reply(404, errorBody(`No project could be found with key '${versions[1]}'.`));
      const startAt = Number(url.searchParams.get('startAt') ?? 0);
      const maxResults = Math.min(options.maxVersionResults ?? 50, Number(url.searchParams.get('maxResults') ?? 50) || 50);
      const values = project.versions.slice(startAt, startAt + maxResults);
      const isLast = startAt + values.length >= project.versions.length;
      const page = (at: number) => `${base}/rest/api/3/project/${project.project.key}/version?maxResults=${maxResults}&startAt=${at}`;
      return reply(200, { self: page(startAt), ...(isLast ? {} : { nextPage: page(startAt + maxResults) }), maxResults, startAt, total: project.versions.length, isLast, values });
    }
    const statuses = /^\/rest\/api\/3\/project\/([^/]+)\/statuses$/.exec(url.pathname);
    if (recorded.method === 'GET' && statuses?.[1]) {
      if (decodeURIComponent(statuses[1]) !== project.project.key) return reply(404, errorBody(`No project could be found with key '${statuses[1]}'.`));
      return reply(200, project.statuses);
    }
    return reply(404, errorBody(`No route for ${recorded.method} ${url.pathname}`));
  };

  const server = createServer((request, response) => {
    const { port } = server.address() as AddressInfo;
    handle(request, response, `http://127.0.0.1:${port}`).catch((error: unknown) => send(response, 500, errorBody(String(error))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    throttled: () => requests.filter((r) => r.status === 429 || r.status === 503).length,
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
