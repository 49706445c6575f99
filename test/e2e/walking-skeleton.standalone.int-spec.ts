import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { issueCreated, issueTransitioned, signJira } from '../support/jira-webhooks';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';

const ADMIN = 'admin-token-for-tests-0123456789';
const SECRET = 'jira-webhook-secret-42';

/** Records in the embedded journal: one JSON line per append, holding several records. */
function journalRecords(dataDir: string): number {
  const text = readFileSync(join(dataDir, 'log', 'journal.log'), 'utf8').trim();
  return text ? text.split('\n').reduce((n, line) => n + (JSON.parse(line) as { r: unknown[] }).r.length, 0) : 0;
}

describe('walking skeleton, standalone (embedded log, chDB, PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-e2e-'));
  let app: AppProcess;
  let api: ApiClient;

  beforeAll(async () => {
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', HTTP_BODY_LIMIT: '64kb' });
    await app.waitReady();
    api = new ApiClient(app.url);
  });

  afterAll(async () => {
    expect(await app.stop('SIGTERM')).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('answers health, readiness naming each part, and the OpenAPI document', async () => {
    expect((await api.get('/health')).body).toEqual({ status: 'ok' });
    const ready = await api.get<{ status: string; info: Record<string, unknown> }>('/ready');
    expect(ready.status).toBe(200);
    expect(Object.keys(ready.body.info).sort()).toEqual(['accepted-ids', 'clickhouse', 'consumer', 'log', 'postgres']);
    const docs = await api.get<{ paths: Record<string, unknown> }>('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/v1/workspaces', '/webhooks/jira/{connectorId}', '/webhooks/trello/{connectorId}', '/webhooks/generic/{connectorId}', '/api/v1/items/{itemKey}', '/api/v1/metrics/throughput']));
    expect((await fetch(`${app.url}/docs`)).status).toBe(200);
    const generic = (docs.body.paths['/webhooks/generic/{connectorId}'] as { post: { requestBody: { content: Record<string, { schema: { anyOf?: unknown[] } }> } } }).post;
    expect(JSON.stringify(generic.requestBody)).toContain('WorkItemStatusChanged');
  });

  it('takes a Jira issue from creation to done through every part', async () => {
    const { client, connector } = await setUpWorkspace(api, ADMIN, { type: 'jira', secret: SECRET });
    expect(connector.webhookPath).toBe(`/webhooks/jira/${connector.id}`);
    const listed = await client.get<{ items: Array<Record<string, unknown>> }>('/api/v1/connectors');
    expect(listed.body.items).toHaveLength(1);
    expect(JSON.stringify(listed.body)).not.toContain(SECRET);

    const now = Date.now();
    // A transition gives two events: the status change and the observation of the issue's current fields.
    for (const [payload, accepted] of [[issueCreated(1, now - 3 * 86_400_000), 1], [issueTransitioned(1, now - 86_400_000, 'To Do', 'Done', 30001), 2]] as const) {
      const body = JSON.stringify(payload);
      const response = await api.post(connector.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET) });
      expect(response).toMatchObject({ status: 202, body: { accepted, duplicates: 0 } });
    }

    const item = await eventually(() => client.get<Record<string, unknown>>('/api/v1/items/KAN-1'), (r) => r.status === 200 && r.body['status'] === 'Done', { what: 'KAN-1 done' });
    expect(item.body).toMatchObject({ itemKey: 'KAN-1', status: 'Done', stage: 'Done', stageCategory: 'done', boardId: 'KAN', blocked: false });
    expect(item.body['doneAt']).toBe(new Date(now - 86_400_000).toISOString());
    expect((await client.get('/api/v1/items/20001')).body).toMatchObject({ itemKey: 'KAN-1' });

    const throughput = await client.get<{ total: number; series: Array<{ start: string; count: number }> }>('/api/v1/metrics/throughput');
    expect(throughput.status).toBe(200);
    expect(throughput.body.total).toBe(1);
    expect(throughput.body.series).toHaveLength(90);
    expect(throughput.body.series.filter((b) => b.count > 0)).toEqual([{ start: new Date(now - 86_400_000).toISOString().slice(0, 10), count: 1 }]);

    // The same delivery again (a Jira retry) is a duplicate and changes no figure.
    const again = JSON.stringify(issueTransitioned(1, now - 86_400_000, 'To Do', 'Done', 30001));
    expect((await api.post(connector.webhookPath, again, { 'content-type': 'application/json', 'x-hub-signature': signJira(again, SECRET) })).body).toEqual({ accepted: 0, duplicates: 2 });
    expect((await client.get<{ total: number }>('/api/v1/metrics/throughput')).body.total).toBe(1);
  });

  it('rejects bad input with the JSON error envelope and writes none of it to the log', async () => {
    const { connector } = await setUpWorkspace(api, ADMIN, { type: 'jira', secret: SECRET });
    const before = journalRecords(dataDir);
    const body = JSON.stringify(issueCreated(2, Date.now()));
    const post = (path: string, payload: string, headers: Record<string, string>) => api.post<{ error: { code: string; message: string } }>(path, payload, { 'content-type': 'application/json', ...headers });

    const unknown = await post('/webhooks/jira/00000000-0000-4000-8000-000000000000', body, { 'x-hub-signature': signJira(body, SECRET) });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('unknown_connector');

    const forged = await post(connector.webhookPath, body, { 'x-hub-signature': signJira(body, 'not-the-secret') });
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('invalid_signature');
    expect((await post(connector.webhookPath, body, {})).status).toBe(401);

    const malformed = await post(connector.webhookPath, '{"webhookEvent": "jira:issue_created", ', { 'x-hub-signature': signJira('x', SECRET) });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');

    const huge = JSON.stringify({ ...issueCreated(3, Date.now()), padding: 'x'.repeat(80 * 1024) });
    const tooLarge = await post(connector.webhookPath, huge, { 'x-hub-signature': signJira(huge, SECRET) });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.code).toBe('payload_too_large');

    const notJira = JSON.stringify({ hello: 'world' });
    const invalid = await post(connector.webhookPath, notJira, { 'x-hub-signature': signJira(notJira, SECRET) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_payload');

    expect(journalRecords(dataDir)).toBe(before);
  });

  it('guards the API: admin token for workspaces, a workspace key for the rest', async () => {
    expect((await api.post('/api/v1/workspaces', { name: 'x' })).status).toBe(401);
    expect((await api.withToken('wrong-token-wrong-token').post('/api/v1/workspaces', { name: 'x' })).status).toBe(401);
    expect((await api.get('/api/v1/metrics/throughput')).status).toBe(401);
    const bad = await api.withToken(ADMIN).post<{ error: { code: string; details: Array<{ path: string }> } }>('/api/v1/workspaces', { name: '', timezone: 'Mars/Olympus' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(['name', 'timezone']);
    const { client } = await setUpWorkspace(api, ADMIN, { type: 'jira', secret: SECRET });
    expect((await client.get('/api/v1/items/NOPE-1')).status).toBe(404);
    expect((await client.get('/api/v1/metrics/throughput?from=2024-13-01')).status).toBe(400);
    expect((await client.get('/api/v1/metrics/throughput?interval=month')).status).toBe(400);
  });
});
