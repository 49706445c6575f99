// Every route of the OpenAPI document, walked with classes of bad input (NUL bytes, overlong and
// malformed ids, impossible dates, huge and non-numbers, arrays and objects where strings go,
// unknown parameters, deep and wrongly typed JSON): none may answer 5xx, and every refusal is the
// JSON error envelope. The choice of values is seeded (FC_SEED, printed) so a failure replays.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signJira } from '../support/jira-webhooks';
import { SeededRandom } from '../support/seeded-random';
import { ApiClient, AppProcess, setUpWorkspace } from '@flowlens/testing';

const ADMIN = 'admin-token-for-tests-0123456789';
const SECRET = 'jira-webhook-secret-42';
const SEED = Number(process.env['FC_SEED'] ?? 20261203);
const QUERY_VALUES_PER_PARAM = 5;

/** Already percent-encoded, as they go into a URL path. */
const BAD_PATH_VALUES = ['%00', 'a%00b', '%01', 'x'.repeat(300), '%F0%9F%92%A9'.repeat(60), '%E0%A4%A', '..%2F..%2Fetc', "'%20OR%201%3D1%20--", '-1', '9'.repeat(40)];
/** Raw query strings for a parameter `p` (already encoded). */
const BAD_QUERY_VALUES: Array<(p: string) => string> = [
  (p) => `${p}=%00`,
  (p) => `${p}=2027-01-01%00`,
  (p) => `${p}=${'x'.repeat(5000)}`,
  (p) => `${p}=2027-13-01`,
  (p) => `${p}=2027-02-30`,
  (p) => `${p}=2026-02-30T00:00:00Z`,
  (p) => `${p}=9999-12-31`,
  (p) => `${p}=0001-01-01`,
  (p) => `${p}=0001-01-01T00:00:00Z`,
  (p) => `${p}=2026-01-01T25:00:00Z`,
  (p) => `${p}=-1`,
  (p) => `${p}=1e308`,
  (p) => `${p}=${'9'.repeat(30)}`,
  (p) => `${p}=NaN`,
  (p) => `${p}=Infinity`,
  (p) => `${p}=`,
  (p) => `${p}[]=a&${p}[]=b`,
  (p) => `${p}[a][b]=1`,
  (p) => `${p}${'[a]'.repeat(30)}=1`,
  (p) => `${p}=%FF`,
  (p) => `${p}=1&${p}=2`,
];
const deep = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
const BAD_BODIES: Array<{ body: string; type?: string }> = [
  { body: deep(3000) },
  { body: `{"settings":${deep(3000)},"type":"jira","name":"x","stages":${'['.repeat(3000)}${']'.repeat(3000)}}` },
  { body: '[]' },
  { body: '"a string"' },
  { body: '123' },
  { body: 'null' },
  { body: '{"a":' },
  { body: '{"name":"\\u0000","type":"jira","stages":[{"name":"\\u0000","category":"done","statuses":["\\u0000"]}]}' },
  { body: '{"name":1e400,"trials":1e400,"fte":-1e308}' },
  { body: JSON.stringify({ name: 'x'.repeat(100_000), type: 'jira' }) },
  { body: '{"zzz_unknown":1}' },
  { body: JSON.stringify({ name: [], type: {}, stages: 'x', settings: [], timezone: 5, role: null, kind: 42, secret: true, boardIds: 'KAN', members: {}, until: '2026-02-30T00:00:00Z' }) },
  { body: 'name=x', type: 'application/x-www-form-urlencoded' },
  { body: 'plain words', type: 'text/plain' },
];

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly query: string[];
}

interface Answer {
  readonly label: string;
  readonly status: number;
  readonly body: unknown;
  readonly head: boolean;
}

function isEnvelope(body: unknown): boolean {
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | null)?.error;
  return typeof error?.code === 'string' && typeof error.message === 'string' && Array.isArray(error.details);
}

describe('bad input on every route, standalone', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-bad-input-'));
  const random = new SeededRandom(SEED);
  let app: AppProcess;
  let operations: Operation[];
  let ws: Awaited<ReturnType<typeof setUpWorkspace>>;

  beforeAll(async () => {
    process.stderr.write(`bad-input suite seed ${SEED} (replay with FC_SEED=${SEED})\n`);
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
    await app.waitReady();
    const api = new ApiClient(app.url);
    ws = await setUpWorkspace(api, ADMIN, { type: 'jira', secret: SECRET });
    const doc = (await api.get<{ paths: Record<string, Record<string, { parameters?: Array<{ in: string; name: string }> }>> }>('/docs-json')).body;
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method))
        .map(([method, op]) => ({ method: method.toUpperCase(), path, query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name) })),
    );
  });

  afterAll(async () => {
    expect(await app.stop('SIGTERM')).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** A path with every parameter filled: the real connector, else a plausible id that does not exist. */
  const validPath = (path: string) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (name === 'connectorId' || (name === 'id' && path.includes('connectors'))) return ws.connector.id;
      if (name === 'itemKey') return 'KAN-1';
      if (name === 'boardId') return 'KAN';
      if (name === 'source') return 'jira';
      return '00000000-0000-4000-8000-000000000000';
    });

  async function send(label: string, method: string, url: string, body?: { body: string; type?: string }): Promise<Answer> {
    const path = url.split('?')[0] ?? url;
    const token = path === '/api/v1/workspaces' ? ADMIN : ws.apiKey;
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body) {
      headers['content-type'] = body.type ?? 'application/json';
      if (path.startsWith('/webhooks/jira/')) headers['x-hub-signature'] = signJira(body.body, SECRET);
    }
    const response = await fetch(`${app.url}${url}`, { method, headers, ...(body ? { body: body.body } : {}) });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: the envelope check below reports it */
    }
    return { label, status: response.status, body: parsed, head: method === 'HEAD' };
  }

  function requestsFor(op: Operation): Array<() => Promise<Answer>> {
    const requests: Array<() => Promise<Answer>> = [];
    const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    for (const param of params) {
      for (const value of BAD_PATH_VALUES) {
        const url = validPath(op.path.replace(`{${param}}`, value));
        requests.push(() => send(`${op.method} ${url.slice(0, 120)}`, op.method, url));
      }
    }
    const queryNames = [...new Set([...op.query, 'asOf', 'from', 'to', 'zz_unknown'])];
    for (const name of queryNames) {
      for (let i = 0; i < QUERY_VALUES_PER_PARAM; i++) {
        const url = `${validPath(op.path)}?${random.pick(BAD_QUERY_VALUES)(name)}`;
        requests.push(() => send(`${op.method} ${url.slice(0, 160)}`, op.method, url));
      }
    }
    if (['POST', 'PUT', 'PATCH'].includes(op.method)) {
      for (const body of BAD_BODIES) {
        const url = validPath(op.path);
        requests.push(() => send(`${op.method} ${url} body ${body.body.slice(0, 60)}`, op.method, url, body));
      }
    }
    return requests;
  }

  it('answers every bad request with a 4xx and the JSON error envelope, never a 5xx', async () => {
    expect(operations.length).toBeGreaterThan(20);
    const requests = operations.flatMap(requestsFor);
    const answers: Answer[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < requests.length) answers.push(await (requests[next++] as () => Promise<Answer>)());
      }),
    );
    expect(answers).toHaveLength(requests.length);
    const serverErrors = answers.filter((a) => a.status >= 500).map((a) => `${a.status} ${a.label} ${JSON.stringify(a.body).slice(0, 200)}`);
    expect(serverErrors).toEqual([]);
    const bareErrors = answers.filter((a) => a.status >= 400 && !a.head && !isEnvelope(a.body)).map((a) => `${a.status} ${a.label} ${String(JSON.stringify(a.body)).slice(0, 200)}`);
    expect(bareErrors).toEqual([]);
    // The walk reached the routes' own validation, not only the router's 404s.
    expect(answers.filter((a) => a.status === 400).length).toBeGreaterThan(answers.length / 3);
    process.stderr.write(`bad-input suite: ${answers.length} requests over ${operations.length} operations\n`);
  });
});
