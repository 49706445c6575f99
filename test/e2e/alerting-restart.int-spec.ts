// SIGKILL of the standalone process (on the PostgreSQL server) while a notification is being
// retried: after a restart on the same data directory and database the notification is sent, once (one Idempotency-Key, one outbox row), and the
// alert it was for is not notified again; nothing acknowledged by the receiver is resent as new.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signGenericBody } from '@flowlens/connector-generic';
import { EventFactory, JIRA } from '@flowlens/metrics/testing';
import { ApiClient, AppProcess, createTestDatabase, eventually, setUpWorkspace } from '@flowlens/testing';
import { HttpReceiver } from '../support/alerting/alert-receivers';
import { toGenericEvent } from '../support/generic-events';

const ADMIN = 'admin-token-for-alerting-restart';
const SECRET = 'generic-secret-for-alerting-restart';

interface Delivery {
  id: string;
  status: 'sent' | 'retrying' | 'failed';
  attempts: number;
}

describe('alert delivery across a SIGKILL during retries (standalone process, HTTP receiver)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-alert-restart-'));
  let receiverUp = false;
  const receiver = new HttpReceiver(() => (receiverUp ? 200 : 503));
  let app: AppProcess;
  let database: { url: string; drop: () => Promise<void> };

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await receiver.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('sends the notification once after the restart, and does not notify the alert again', async () => {
    await receiver.start();
    database = await createTestDatabase();
    app = await AppProcess.start('standalone', {
      DATABASE_URL: database.url,
      FLOWLENS_DATA_DIR: dataDir,
      FLOWLENS_ADMIN_TOKEN: ADMIN,
      FLOWLENS_DEMO: 'false',
      ALERT_INTERVAL_MS: '1000',
      ALERT_DISPATCH_POLL_MS: '50',
      ALERT_RETRY_BASE_MS: '150',
      ALERT_DISPATCH_LEASE_MS: '15000',
    });
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'generic', secret: SECRET });
    const client = ws.client;
    const board = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', 'RST');
    const start = Date.now() - 5 * 86_400_000;
    const events = [1, 2].flatMap((n) => {
      const item = board.item(`rst-${n}`, `RST-${n}`);
      return [item.created(new Date(start).toISOString(), JIRA.todo), item.status(new Date(start + n * 1000).toISOString(), JIRA.todo, JIRA.inProgress)];
    });
    const body = JSON.stringify({ events: events.map(toGenericEvent) });
    expect((await new ApiClient(app.url).post(ws.connector.webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) })).status).toBe(202);

    const channel = await client.post<{ id: string }>('/api/v1/alert-channels', { type: 'webhook', name: 'down for now', url: `${receiver.url}/hook` });
    const rule = await client.post<{ id: string }>('/api/v1/alert-rules', { name: 'RST WIP above 1', kind: 'wip-limit', scope: { boardId: 'RST' }, params: { limit: 1 }, severity: 'critical', channelIds: [channel.body.id] });
    expect(rule.status).toBe(201);
    const deliveries = async () => (await client.get<{ items: Delivery[] }>(`/api/v1/alert-deliveries?ruleId=${rule.body.id}`)).body.items;

    // The receiver refuses: the delivery is retried; kill the process while it is.
    await eventually(deliveries, (d) => (d[0]?.attempts ?? 0) >= 3, { what: 'three failed tries', timeoutMs: 60_000 });
    expect(await app.stop('SIGKILL')).toBeNull();
    receiverUp = true;
    await app.restart();

    const [sent, ...more] = await eventually(deliveries, (d) => d[0]?.status === 'sent', { what: 'the delivery sent after the restart', timeoutMs: 60_000 });
    expect(more).toHaveLength(0);
    const accepted = receiver.at('/hook').filter((r) => r.status === 200);
    expect(accepted).toHaveLength(1);
    expect(new Set(receiver.at('/hook').map((r) => r.headers['idempotency-key']))).toEqual(new Set([sent?.id]));
    expect(sent?.attempts).toBeGreaterThanOrEqual(4);

    // Cycles after the restart find the alert already notified: no second notification.
    const evaluated = await client.post<{ instances: Array<{ state: string }> }>(`/api/v1/alert-rules/${rule.body.id}/evaluate`, {});
    expect(evaluated.body.instances).toMatchObject([{ state: 'firing' }]);
    const twoCycles = Date.now() + 2_500;
    await eventually(async () => Date.now(), (t) => t > twoCycles, { what: 'two more cycles', timeoutMs: 10_000 });
    expect(await deliveries()).toHaveLength(1);
    expect(receiver.at('/hook').filter((r) => r.status === 200)).toHaveLength(1);
  });
});
