// Roles, audit trail and safe administration, through the public API of a real standalone process
// (PostgreSQL server, embedded log and chDB): every route's declared access, a roles matrix over
// every route, audit entries, secret rotation, rate limits, headers, and a workspace's purge.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { ClickHouseStore } from '@flowlens/clickhouse';
import { ApiClient, AppProcess, createTestDatabase, eventually, runToExit } from '@flowlens/testing';
import { issueCreated, issueTransitioned, signJira } from '../support/jira-webhooks';

const ADMIN = 'admin-token-for-governance-tests';
const RATE_LIMIT = 250;
const WORKSPACE_ROLES = ['viewer', 'analyst', 'admin'] as const;
const ACCESS = new Set(['viewer', 'analyst', 'admin', 'admin-token', 'public']);
const OTHER_ID = '00000000-0000-4000-8000-000000000000';

type ErrorBody = { error: { code: string; message: string; requestId?: string } };
type Operation = { method: string; path: string; access: string | undefined };
type AuditItem = { id: string; action: string; actor: { keyId: string | null; name: string }; target: { type: string; id: string | null }; before: unknown; after: unknown; requestId: string | null };

function operations(doc: { paths: Record<string, Record<string, Record<string, unknown>>> }): Operation[] {
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete', 'head'].includes(method))
      .map(([method, op]) => ({ method: method.toUpperCase(), path, access: op['x-flowlens-access'] as string | undefined })),
  );
}

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, OTHER_ID);

describe('governance: roles, audit, rotation, rate limits, purge', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-gov-'));
  let database: { url: string; drop: () => Promise<void> };
  let app: AppProcess;
  let api: ApiClient;
  let admin: ApiClient;
  let workspaceId: string;
  const keys: Record<string, ApiClient> = {};
  let other: ApiClient;

  const key = (name: string): ApiClient => {
    const client = keys[name];
    if (!client) throw new Error(`no ${name} key`);
    return client;
  };
  const request = (client: ApiClient, method: string, path: string, body?: unknown) => client.request<ErrorBody>(method, path, body);
  const audit = async (query = '') => (await key('admin').get<{ items: AuditItem[]; nextCursor: string | null }>(`/api/v1/audit${query}`)).body;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await AppProcess.start('standalone', {
      FLOWLENS_DATA_DIR: dataDir,
      FLOWLENS_ADMIN_TOKEN: ADMIN,
      FLOWLENS_DEMO: 'false',
      DATABASE_URL: database.url,
      RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT),
    });
    await app.waitReady();
    api = new ApiClient(app.url);
    admin = api.withToken(ADMIN);
    const ws = await admin.post<{ id: string; apiKey: string }>('/api/v1/workspaces', { name: 'Governed', timezone: 'UTC' });
    workspaceId = ws.body.id;
    keys['admin'] = api.withToken(ws.body.apiKey);
    for (const role of ['viewer', 'analyst'] as const) {
      const created = await key('admin').post<{ apiKey: string; role: string }>('/api/v1/api-keys', { name: `${role} key`, role });
      expect(created).toMatchObject({ status: 201, body: { role } });
      keys[role] = api.withToken(created.body.apiKey);
    }
    const revoked = await key('admin').post<{ id: string; apiKey: string }>('/api/v1/api-keys', { name: 'to revoke', role: 'admin' });
    expect((await key('admin').request('DELETE', `/api/v1/api-keys/${revoked.body.id}`)).status).toBe(204);
    keys['revoked'] = api.withToken(revoked.body.apiKey);
    const expiring = await key('admin').post<{ apiKey: string; expiresAt: string }>('/api/v1/api-keys', { name: 'short-lived', role: 'admin', expiresAt: new Date(Date.now() + 1500).toISOString() });
    keys['expired'] = api.withToken(expiring.body.apiKey);
    await eventually(() => key('expired').get<ErrorBody>('/api/v1/workspace'), (r) => r.status === 401, { what: 'key expired' });
    const otherWs = await admin.post<{ apiKey: string }>('/api/v1/workspaces', { name: 'Other' });
    other = api.withToken(otherWs.body.apiKey);
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('declares the access of every route in the OpenAPI document', async () => {
    const doc = await api.get<{ paths: Record<string, Record<string, Record<string, unknown>>> }>('/docs-json');
    const ops = operations(doc.body);
    expect(ops.length).toBeGreaterThan(20);
    expect(ops.filter((op) => !ACCESS.has(op.access ?? '')).map((op) => `${op.method} ${op.path}`)).toEqual([]);
    expect(ops.find((op) => op.path === '/api/v1/audit')?.access).toBe('admin');
    expect(ops.find((op) => op.method === 'PUT' && op.path === '/api/v1/workflows/{boardId}')?.access).toBe('analyst');
    expect(ops.find((op) => op.method === 'POST' && op.path === '/api/v1/workspaces')?.access).toBe('admin-token');
  });

  it('enforces the declared role on every route for viewer, analyst, admin, revoked, expired and unknown callers', async () => {
    const doc = await api.get<{ paths: Record<string, Record<string, Record<string, unknown>>> }>('/docs-json');
    const problems: string[] = [];
    for (const op of operations(doc.body)) {
      const path = concrete(op.path);
      const body = ['POST', 'PUT', 'PATCH'].includes(op.method) ? {} : undefined;
      if (op.access === 'public') continue;
      if (op.access === 'admin-token') {
        const withKey = await request(key('admin'), op.method, path, body);
        if (withKey.status !== 401) problems.push(`${op.method} ${op.path}: a workspace key got ${withKey.status}`);
        continue;
      }
      const needed = WORKSPACE_ROLES.indexOf(op.access as (typeof WORKSPACE_ROLES)[number]);
      for (const [index, role] of WORKSPACE_ROLES.entries()) {
        const answer = await request(key(role), op.method, path, body);
        if (index < needed) {
          if (answer.status !== 403 || answer.body.error.code !== 'forbidden' || !answer.body.error.message.includes(`needs the ${op.access} role`)) {
            problems.push(`${op.method} ${op.path} as ${role}: ${answer.status} ${JSON.stringify(answer.body)}`);
          }
        } else if ([401, 403].includes(answer.status) || answer.status >= 500) problems.push(`${op.method} ${op.path} as ${role}: ${answer.status}`);
      }
      for (const [who, code] of [['revoked', 'invalid_api_key'], ['expired', 'expired_api_key']] as const) {
        const answer = await request(key(who), op.method, path, body);
        if (answer.status !== 401 || answer.body.error.code !== code) problems.push(`${op.method} ${op.path} as ${who}: ${answer.status}`);
      }
      const anonymous = await request(api, op.method, path, body);
      if (anonymous.status !== 401) problems.push(`${op.method} ${op.path} without a key: ${anonymous.status}`);
    }
    expect(problems).toEqual([]);
  });

  it("keeps another workspace's key away from this workspace's connectors, keys and audit", async () => {
    const connector = await key('admin').post<{ id: string }>('/api/v1/connectors', { type: 'jira', name: 'Private Jira', secret: 'private-secret-1' });
    const privateKey = await key('admin').post<{ id: string }>('/api/v1/api-keys', { name: 'private key', role: 'viewer' });
    expect((await other.request('PATCH', `/api/v1/connectors/${connector.body.id}`, { name: 'taken' })).status).toBe(404);
    expect((await other.request('DELETE', `/api/v1/connectors/${connector.body.id}`)).status).toBe(404);
    expect((await other.request('DELETE', `/api/v1/api-keys/${privateKey.body.id}`)).status).toBe(404);
    const theirs = await other.get<{ items: Array<{ id: string }> }>('/api/v1/connectors');
    expect(theirs.body.items.map((c) => c.id)).not.toContain(connector.body.id);
    const theirAudit = await other.get<{ items: AuditItem[] }>('/api/v1/audit?limit=500');
    expect(theirAudit.body.items.map((e) => e.target.id)).not.toContain(connector.body.id);
    expect((await key('admin').get<{ name: string }>('/api/v1/connectors')).body).toMatchObject({ items: expect.arrayContaining([expect.objectContaining({ id: connector.body.id, name: 'Private Jira' })]) });
  });

  it('audits each change with actor, target, before/after without secrets, and the request id', async () => {
    const created = await key('admin').post<{ id: string; webhookToken: string }>('/api/v1/connectors', { type: 'jira', name: 'Audited Jira', secret: 'first-secret-value' });
    const rotated = await key('admin').request('PATCH', `/api/v1/connectors/${created.body.id}`, { secret: 'second-secret-value', previousSecretValidUntil: new Date(Date.now() + 60_000).toISOString() });
    const mapped = await key('analyst').put('/api/v1/workflows/AUD', { stages: [{ name: 'Doing', category: 'active', statuses: ['In Progress'] }, { name: 'Done', category: 'done', statuses: ['Done'] }] });
    const renamed = await key('admin').request('PATCH', '/api/v1/workspace', { name: 'Governed (renamed)' });
    const keyMade = await key('admin').post<{ id: string; apiKey: string }>('/api/v1/api-keys', { name: 'audited key', role: 'viewer' });
    const deleted = await key('admin').request('DELETE', `/api/v1/connectors/${created.body.id}`);
    for (const answer of [created, rotated, mapped, renamed, keyMade, deleted]) expect(answer.status).toBeLessThan(300);

    const { items } = await audit('?limit=100');
    const find = (action: string, targetId: string) => items.find((e) => e.action === action && e.target.id === targetId);
    const adminKeyId = items.find((e) => e.action === 'api-key.create' && e.target.id === keyMade.body.id)?.actor.keyId;
    expect(adminKeyId).toEqual(expect.any(String));
    expect(find('connector.create', created.body.id)).toMatchObject({ actor: { name: 'default' }, target: { type: 'connector' }, before: null, after: { name: 'Audited Jira', signed: true } });
    expect(find('connector.update', created.body.id)).toMatchObject({ before: { previousSecretValidUntil: null }, after: { previousSecretValidUntil: expect.any(String) }, requestId: rotated.headers.get('x-request-id') });
    expect(find('connector.delete', created.body.id)).toMatchObject({ before: { name: 'Audited Jira' }, after: null, requestId: deleted.headers.get('x-request-id') });
    expect(find('workflow-map.update', 'AUD')).toMatchObject({ actor: { name: 'analyst key' }, before: null, after: { boardId: 'AUD', version: 1 } });
    expect(find('workspace.update', workspaceId)).toMatchObject({ before: { name: 'Governed' }, after: { name: 'Governed (renamed)' } });
    expect(find('api-key.create', keyMade.body.id)).toMatchObject({ after: { role: 'viewer', apiKey: '[redacted]' } });
    expect(find('workspace.create', workspaceId)).toMatchObject({ actor: { keyId: null, name: 'admin-token' }, after: { apiKey: '[redacted]' } });
    expect(items.find((e) => e.action === 'api-key.delete')).toMatchObject({ before: { name: 'to revoke', revoked: false }, after: null });
    const text = JSON.stringify(items);
    for (const secret of ['first-secret-value', 'second-secret-value', created.body.webhookToken, keyMade.body.apiKey]) expect(text).not.toContain(secret);
    // Refused and failed requests change nothing and leave no entry.
    expect((await key('viewer').post('/api/v1/connectors', { type: 'jira', name: 'nope' })).status).toBe(403);
    expect((await audit('?limit=100')).items.map((e) => e.id)).toEqual(items.map((e) => e.id));

    // Filters and cursor paging, newest first, no entry twice.
    expect((await audit(`?target=connector:${created.body.id}`)).items.map((e) => e.action)).toEqual(['connector.delete', 'connector.update', 'connector.create']);
    expect((await audit(`?actorKeyId=${adminKeyId}&limit=100`)).items.every((e) => e.actor.keyId === adminKeyId)).toBe(true);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AuditItem[]; nextCursor: string | null } = await audit(`?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(items.map((e) => e.id));
    expect((await key('admin').get<ErrorBody>('/api/v1/audit?cursor=abc')).status).toBe(400);
  });

  it('audits teams and portfolios: create, replace with the state before, delete', async () => {
    const team = { name: 'Audited team', boardIds: ['AUD-T'], members: [{ name: 'Ana', fte: 1 }] };
    const created = await key('analyst').post<{ id: string }>('/api/v1/teams', team);
    const replaced = await key('analyst').put(`/api/v1/teams/${created.body.id}`, { ...team, name: 'Audited team (renamed)' });
    const portfolio = await key('analyst').post<{ id: string }>('/api/v1/portfolios', { name: 'Audited portfolio', teamIds: [created.body.id] });
    const portfolioGone = await key('analyst').request('DELETE', `/api/v1/portfolios/${portfolio.body.id}`);
    const teamGone = await key('analyst').request('DELETE', `/api/v1/teams/${created.body.id}`);
    for (const answer of [created, replaced, portfolio, portfolioGone, teamGone]) expect(answer.status).toBeLessThan(300);

    const teamEntries = (await audit(`?target=team:${created.body.id}`)).items;
    expect(teamEntries.map((e) => e.action)).toEqual(['team.delete', 'team.update', 'team.create']);
    expect(teamEntries[1]).toMatchObject({ actor: { name: 'analyst key' }, before: { name: 'Audited team' }, after: { name: 'Audited team (renamed)' } });
    expect(teamEntries[0]).toMatchObject({ before: { name: 'Audited team (renamed)' }, after: null });
    const portfolioEntries = (await audit(`?target=portfolio:${portfolio.body.id}`)).items;
    expect(portfolioEntries.map((e) => e.action)).toEqual(['portfolio.delete', 'portfolio.create']);
    expect(portfolioEntries[0]).toMatchObject({ before: { name: 'Audited portfolio' }, after: null });
  });

  it('accepts the old secret until the overlap deadline, then only the new one; disabled and deleted connectors refuse', async () => {
    const connector = await key('admin').post<{ id: string; webhookPath: string }>('/api/v1/connectors', { type: 'jira', name: 'Rotating Jira', secret: 'old-secret-value' });
    let n = 100;
    const deliver = (secret: string) => {
      const body = JSON.stringify(issueCreated(n++, Date.now() - 60_000, { project: 'ROT' }));
      return api.post<ErrorBody>(connector.body.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, secret) });
    };
    expect((await deliver('old-secret-value')).status).toBe(202);
    const deadline = new Date(Date.now() + 2500).toISOString();
    expect((await key('admin').request('PATCH', `/api/v1/connectors/${connector.body.id}`, { secret: 'new-secret-value', previousSecretValidUntil: deadline })).body).toMatchObject({ previousSecretValidUntil: deadline });
    expect((await deliver('new-secret-value')).status).toBe(202);
    expect((await deliver('old-secret-value')).status).toBe(202);
    const late = await eventually(() => deliver('old-secret-value'), (r) => r.status !== 202, { what: 'old secret expired' });
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(deadline));
    expect(late).toMatchObject({ status: 401, body: { error: { code: 'invalid_signature' } } });
    expect((await deliver('new-secret-value')).status).toBe(202);
    expect((await key('admin').request('PATCH', `/api/v1/connectors/${connector.body.id}`, { previousSecretValidUntil: deadline })).status).toBe(400);

    await key('admin').request('PATCH', `/api/v1/connectors/${connector.body.id}`, { enabled: false });
    expect(await deliver('new-secret-value')).toMatchObject({ status: 403, body: { error: { code: 'connector_disabled' } } });
    await key('admin').request('PATCH', `/api/v1/connectors/${connector.body.id}`, { enabled: true });
    expect((await deliver('new-secret-value')).status).toBe(202);
    expect((await key('admin').request('DELETE', `/api/v1/connectors/${connector.body.id}`)).status).toBe(204);
    expect(await deliver('new-secret-value')).toMatchObject({ status: 404, body: { error: { code: 'unknown_connector' } } });
    expect((await key('admin').request('DELETE', `/api/v1/connectors/${connector.body.id}`)).status).toBe(404);
  });

  it('limits a connector only when it opts in, and every API key by default, with 429, Retry-After and the JSON error', async () => {
    const limited = await key('admin').post<{ webhookPath: string }>('/api/v1/connectors', { type: 'jira', name: 'Limited', secret: 'limited-secret', settings: { rateLimitPerMinute: 2 } });
    const statuses: number[] = [];
    let last: Awaited<ReturnType<ApiClient['post']>> | null = null;
    for (let i = 0; i < 3; i++) {
      const body = JSON.stringify(issueCreated(500 + i, Date.now() - 60_000, { project: 'LIM' }));
      last = await api.post(limited.body.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, 'limited-secret') });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 429]);
    expect(Number(last?.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(last?.body).toMatchObject({ error: { code: 'too_many_requests' } });
    expect((await key('admin').post('/api/v1/connectors', { type: 'jira', name: 'bad limit', settings: { rateLimitPerMinute: 0 } })).status).toBe(400);

    const burst = await key('admin').post<{ apiKey: string }>('/api/v1/api-keys', { name: 'burst', role: 'viewer' });
    const client = api.withToken(burst.body.apiKey);
    let answer = await client.get<ErrorBody>('/api/v1/workspace');
    let count = 1;
    while (answer.status === 200 && count <= RATE_LIMIT) {
      answer = await client.get<ErrorBody>('/api/v1/workspace');
      count++;
    }
    expect(count).toBe(RATE_LIMIT + 1);
    expect(answer.status).toBe(429);
    expect(answer.body.error.code).toBe('too_many_requests');
    expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another key is not affected.
    expect((await key('viewer').get('/api/v1/workspace')).status).toBe(200);
  });

  it('sends security headers, no CORS by default, and request ids in answers, error bodies and no stack traces', async () => {
    const response = await fetch(`${app.url}/api/v1/workspace`, { headers: { origin: 'https://evil.example', 'x-request-id': 'trace-123' } });
    expect(response.status).toBe(401);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('strict-transport-security')).toContain('max-age');
    // Scripts of our own origin only, never eval; no https upgrade, so plain-http installs keep working.
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect(response.headers.get('x-request-id')).toBe('trace-123');
    const body = (await response.json()) as ErrorBody;
    expect(body.error.requestId).toBe('trace-123');
    const unknown = await api.get<ErrorBody & Record<string, unknown>>('/api/v1/no-such-route');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.requestId).toEqual(unknown.headers.get('x-request-id'));
    expect(JSON.stringify(unknown.body)).not.toMatch(/at .*\.js:\d+/);
  });

  describe('workspace lifecycle', () => {
    let doomed: { id: string; client: ApiClient; webhookPath: string };
    const LATE = Date.parse('2026-03-10T23:30:00.000Z');

    beforeAll(async () => {
      const ws = await admin.post<{ id: string; apiKey: string }>('/api/v1/workspaces', { name: 'Doomed', timezone: 'UTC' });
      const client = api.withToken(ws.body.apiKey);
      const connector = await client.post<{ webhookPath: string }>('/api/v1/connectors', { type: 'jira', name: 'Doomed Jira', secret: 'doomed-secret' });
      doomed = { id: ws.body.id, client, webhookPath: connector.body.webhookPath };
      for (const payload of [issueCreated(1, LATE - 5 * 86_400_000, { project: 'DOOM' }), issueTransitioned(1, LATE, 'To Do', 'Done', 91001, { project: 'DOOM' })]) {
        const body = JSON.stringify(payload);
        expect((await api.post(doomed.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, 'doomed-secret') })).status).toBe(202);
      }
      // A workspace that stays, with its own rows in both stores.
      const body = JSON.stringify(issueCreated(7, Date.now() - 86_400_000, { project: 'KEEP' }));
      const keep = await key('admin').post<{ webhookPath: string }>('/api/v1/connectors', { type: 'jira', name: 'Kept Jira', secret: 'kept-secret' });
      expect((await api.post(keep.body.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, 'kept-secret') })).status).toBe(202);
      await eventually(() => key('admin').get('/api/v1/items/KEEP-7'), (r) => r.status === 200, { what: 'KEEP-7 projected' });
    });

    it('moves day buckets with the time zone at once', async () => {
      const day = (client: ApiClient) => client.get<{ series: Array<{ start: string; count: number }> }>('/api/v1/metrics/throughput?interval=day&from=2026-03-09&to=2026-03-12');
      const utc = await eventually(() => day(doomed.client), (r) => r.status === 200 && r.body.series.some((b) => b.count > 0), { what: 'DOOM-1 done' });
      expect(utc.body.series.filter((b) => b.count > 0)).toEqual([{ start: '2026-03-10', count: 1 }]);
      const moved = await doomed.client.request('PATCH', '/api/v1/workspace', { timezone: 'Asia/Tokyo' });
      expect(moved).toMatchObject({ status: 200, body: { timezone: 'Asia/Tokyo', name: 'Doomed' } });
      expect((await day(doomed.client)).body.series.filter((b) => b.count > 0)).toEqual([{ start: '2026-03-11', count: 1 }]);
      expect((await doomed.client.request('PATCH', '/api/v1/workspace', { timezone: 'Mars/Olympus' })).status).toBe(400);
    });

    it('deletes a workspace with every row it had in PostgreSQL and ClickHouse, and a rebuild does not bring it back', async () => {
      const removed = await admin.request<{ id: string; purged: Record<string, Record<string, number>> }>('DELETE', `/api/v1/workspaces/${doomed.id}`);
      expect(removed.status).toBe(200);
      expect(removed.body.purged['clickhouse']).toMatchObject({ work_item_events: expect.any(Number) });
      expect(removed.body.purged['postgres']).toMatchObject({ workspaces: 1 });
      expect((await doomed.client.get<ErrorBody>('/api/v1/workspace')).status).toBe(401);
      const body = JSON.stringify(issueCreated(2, Date.now(), { project: 'DOOM' }));
      expect((await api.post(doomed.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, 'doomed-secret') })).status).toBe(404);
      expect((await admin.request('DELETE', `/api/v1/workspaces/${doomed.id}`)).status).toBe(404);
      expect(await postgresRowsOf(database.url, doomed.id)).toEqual({});
      expect(Object.keys(await postgresRowsOf(database.url, workspaceId))).toEqual(expect.arrayContaining(['api_keys', 'connectors', 'audit_log']));

      expect(await app.stop('SIGTERM')).toBe(0);
      expect(await clickhouseRowsOf(dataDir, doomed.id)).toEqual({});
      const rebuild = await runToExit('cli', ['rebuild', '--yes'], { FLOWLENS_DATA_DIR: dataDir, DATABASE_URL: database.url, LOG_LEVEL: 'warn' });
      expect(rebuild.code).toBe(0);
      expect(await clickhouseRowsOf(dataDir, doomed.id)).toEqual({});
      expect(Object.keys(await clickhouseRowsOf(dataDir, workspaceId))).toEqual(expect.arrayContaining(['work_item_events', 'raw_webhooks']));
    });
  });
});

/** Rows naming the workspace in every PostgreSQL table with a workspace_id column (or the workspaces row). */
async function postgresRowsOf(url: string, workspaceId: string): Promise<Record<string, number>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND column_name = 'workspace_id'`);
    const counts: Record<string, number> = {};
    for (const { table_name: table } of tables.rows) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${table}" WHERE workspace_id = $1`, [workspaceId]);
      if (Number(rows[0]?.n) > 0) counts[table] = Number(rows[0]?.n);
    }
    const ws = await client.query(`SELECT 1 FROM workspaces WHERE id = $1`, [workspaceId]);
    if (ws.rowCount) counts['workspaces'] = ws.rowCount;
    return counts;
  } finally {
    await client.end();
  }
}

/** Rows naming the workspace in every ClickHouse table with a workspace_id column (chDB, the app stopped). */
async function clickhouseRowsOf(dataDir: string, workspaceId: string): Promise<Record<string, number>> {
  const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens', dataDir });
  try {
    const tables = await store.query<{ table: string }>(`SELECT table FROM system.columns WHERE database = 'flowlens' AND name = 'workspace_id'`);
    const counts: Record<string, number> = {};
    for (const { table } of tables) {
      const [row] = await store.query<{ n: number }>(`SELECT count() AS n FROM flowlens.\`${table}\` WHERE toString(workspace_id) = {ws:String}`, { ws: workspaceId });
      if (row && row.n > 0) counts[table] = row.n;
    }
    return counts;
  } finally {
    await store.close();
  }
}
