import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';
import { jiraCloud, trelloExport } from '../support/pipeline/delivery-fixtures';
import { WebhookSender } from '../support/pipeline/webhook-sender';

const ADMIN = 'admin-token-for-standalone-imports';
const SECRET = 'jira-secret-standalone-imports';

describe('imports and dead letters in the standalone process (embedded log, chDB, PGlite)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-e2e-imports-'));
  let app: AppProcess;
  let api: ApiClient;

  beforeAll(async () => {
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
    await app.waitReady();
    api = new ApiClient(app.url);
  });

  afterAll(async () => {
    expect(await app?.stop('SIGTERM')).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs an export-file import job in the background and shows its items', async () => {
    const { client, connector } = await setUpWorkspace(api, ADMIN, { type: 'trello', secret: 'trello-app-secret-standalone', callbackUrl: 'https://flowlens.example.com/t' });
    const started = await client.post<{ id: string; status: string }>('/api/v1/imports', { kind: 'trello-file', connectorId: connector.id, file: trelloExport('platform-delivery'), fileName: 'platform-delivery.json' });
    expect(started.status).toBe(202);
    const done = await eventually(() => client.get<{ status: string; eventsAppended: number; unit: string }>(`/api/v1/imports/${started.body.id}`), (r) => r.body.status !== 'queued' && r.body.status !== 'running', { what: 'import finished' });
    expect(done.body).toMatchObject({ status: 'succeeded', unit: 'events' });
    expect(done.body.eventsAppended).toBeGreaterThan(7);
    const item = await eventually(() => client.get<Record<string, unknown>>('/api/v1/items/aB3dE5fG'), (r) => r.status === 200, { what: 'imported card visible' });
    expect(item.body).toMatchObject({ status: 'In Progress', boardId: '651a7880c4d5e6f708192a3b' });
  });

  it('lists a dead letter and re-drives it after a settings fix', async () => {
    const { client, connector } = await setUpWorkspace(api, ADMIN, { type: 'jira', secret: SECRET, settings: { teamField: 'customfield_10018' } });
    const answer = await new WebhookSender(app.url).jira(connector.webhookPath, jiraCloud('issue-created'), SECRET, 'sa-dl-1');
    expect(answer.body).toMatchObject({ accepted: 0, deadLettered: 'team field has no name' });
    expect((await client.get<{ items: Array<{ deliveryId: string }> }>('/api/v1/dead-letters')).body.items.map((l) => l.deliveryId)).toEqual(['sa-dl-1']);
    expect((await client.request('PATCH', `/api/v1/connectors/${connector.id}`, { settings: {} })).status).toBe(200);
    expect((await client.post('/api/v1/dead-letters/sa-dl-1/redrive')).body).toMatchObject({ status: 'redriven', accepted: 1 });
    const item = await eventually(() => client.get<Record<string, unknown>>('/api/v1/items/KAN-42'), (r) => r.status === 200, { what: 'KAN-42 visible' });
    expect(item.body).toMatchObject({ status: 'To Do' });
  });
});
