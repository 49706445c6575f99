// Risk through the real pipeline: Jira webhooks (issues and issue links) -> gateway -> embedded log
// -> projector -> chDB -> risk endpoints, with the ROAM register on the real PostgreSQL server:
// stable riskId, roles on changes, a cleared signal closing and a returning one reopening.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, createTestDatabase, eventually, setUpWorkspace } from '@flowlens/testing';
import { issueCreated, issueTransitioned, jiraFixture, signJira } from '../support/jira-webhooks';

const ADMIN = 'admin-token-for-risk-tests-0123';
const SECRET = 'jira-secret-for-risk-tests';
const DAY = 86_400_000;

interface Risk { riskId: string; signal: string; subject: { type: string; id: string }; roam: string | null; owner: string | null; open: boolean; history: Array<{ roam: string | null; by: string }> }

describe('risk signals and the ROAM register through the HTTP API', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-risk-e2e-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: AppProcess;
  let client: ApiClient;
  let viewer: ApiClient;
  let analyst: ApiClient;
  let webhookPath = '';
  const now = Date.now();

  const send = async (payload: object) => {
    const body = JSON.stringify(payload);
    const response = await new ApiClient(app.url).post<{ accepted: number }>(webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET) });
    expect(response.status).toBe(202);
    return response.body;
  };
  const link = (event: 'issuelink_created' | 'issuelink_deleted', at: number) => {
    const payload = jiraFixture('issuelink-created');
    return { ...payload, webhookEvent: event, timestamp: at, issueLink: { ...(payload['issueLink'] as object), sourceIssueId: '20002', destinationIssueId: '20001' } };
  };
  const risks = async () => {
    const response = await client.get<{ items: Risk[] }>('/api/v1/risks');
    if (response.status !== 200) throw new Error(`/api/v1/risks answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await AppProcess.start('standalone', { DATABASE_URL: database.url, FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'jira', secret: SECRET });
    ({ client } = ws);
    webhookPath = ws.connector.webhookPath;
    const key = async (role: string) => new ApiClient(app.url).withToken((await client.post<{ apiKey: string }>('/api/v1/api-keys', { name: role, role })).body.apiKey);
    [viewer, analyst] = [await key('viewer'), await key('analyst')];
    await send(issueCreated(1, now - 5 * DAY));
    await send(issueCreated(2, now - 5 * DAY));
    await send(issueTransitioned(1, now - 3 * DAY, 'To Do', 'In Progress', 50001));
    expect(await send(link('issuelink_created', now - 2 * DAY))).toMatchObject({ accepted: 1 });
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reads a Jira "blocks" link as an open dependency on the blocked item', async () => {
    const deps = await eventually(() => client.get<{ items: Array<Record<string, unknown>> }>('/api/v1/risk/dependencies'), (r) => r.status === 200 && r.body.items.length === 1, { what: 'the link projected' });
    expect(deps.body.items[0]).toMatchObject({ itemKey: 'KAN-1', blockedByKey: 'KAN-2', open: true, crossTeam: false });
    expect(deps.body.items[0]?.['ageDays'] as number).toBeCloseTo(2, 1);
    const items = await viewer.get<{ items: Array<{ itemKey: string; signals: string[] }> }>('/api/v1/risk/items');
    expect(items.body.items).toEqual([expect.objectContaining({ itemKey: 'KAN-1', signals: ['dependency'] })]);
    const summary = await viewer.get<{ items: Array<Record<string, unknown>> }>('/api/v1/risk/summary?by=board');
    expect(summary.body.items).toEqual([expect.objectContaining({ id: 'KAN', level: 'medium', counts: expect.objectContaining({ dependencies: 1 }) })]);
  });

  it('answers bad or unknown scope parameters with 4xx and the error envelope', async () => {
    expect((await client.get('/api/v1/risk/items?threshold=2')).status).toBe(400);
    const unknownTeam = await client.get<{ error: { code: string } }>('/api/v1/risk/items?teamId=nope');
    expect(unknownTeam.status).toBe(404);
    expect(unknownTeam.body.error.code).toBe('not_found');
    expect((await client.get('/api/v1/risk/summary?by=galaxy')).status).toBe(400);
    expect((await client.get('/api/v1/quality?interval=day')).status).toBe(400);
  });

  it('keeps a register with stable ids, ROAM changes by analysts, and reopens a signal that comes back', async () => {
    const first = await risks();
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([expect.objectContaining({ signal: 'dependency', subject: { type: 'item', id: 'KAN-1' }, roam: null, open: true })]);
    const riskId = first.body.items[0]?.riskId ?? '';
    expect((await viewer.put(`/api/v1/risks/${riskId}`, { roam: 'owned', owner: 'ann' })).status).toBe(403);
    expect((await analyst.put(`/api/v1/risks/${riskId}`, { roam: 'someday' })).status).toBe(400);
    expect((await analyst.put('/api/v1/risks/rk_unknown', { roam: 'owned' })).status).toBe(404);
    const owned = await analyst.put<Risk>(`/api/v1/risks/${riskId}`, { roam: 'owned', owner: 'ann', note: 'chasing OPS' });
    expect(owned.status).toBe(200);
    expect(owned.body).toMatchObject({ riskId, roam: 'owned', owner: 'ann', open: true });

    await send(link('issuelink_deleted', now - DAY));
    const cleared = await eventually(risks, (r) => r.body.items[0]?.open === false, { what: 'the signal cleared' });
    expect(cleared.body.items[0]).toMatchObject({ riskId, roam: 'owned', open: false });

    await send(link('issuelink_created', now - DAY / 2));
    const back = await eventually(risks, (r) => r.body.items[0]?.open === true, { what: 'the signal back' });
    expect(back.body.items).toHaveLength(1);
    expect(back.body.items[0]).toMatchObject({ riskId, roam: null, open: true });
    expect(back.body.items[0]?.history.map((h) => h.roam)).toEqual(['owned', 'owned', null]);
  });
});
