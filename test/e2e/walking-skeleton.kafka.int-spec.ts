import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TOPICS } from '@flowlens/contracts';
import { issueCreated, issueTransitioned, signJira } from '../support/jira-webhooks';
import { ApiClient, AppProcess, createTestDatabase, eventually, freePort, KAFKA_BROKERS, KafkaProbe, runToExit, setUpWorkspace, uniqueTopicPrefix } from '@flowlens/testing';

const ADMIN = 'admin-token-for-kafka-tests-0123';
const SECRET = 'jira-secret-for-kafka-tests';
const SECRET_KEY = 'sealing-key-shared-by-the-apps';
const PROJECTOR_GROUP = 'flowlens-projector';

describe('walking skeleton on real Kafka + PostgreSQL: gateway process -> Kafka -> projector/API process (chDB)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-e2e-kafka-'));
  const topicPrefix = uniqueTopicPrefix();
  const probe = new KafkaProbe(topicPrefix);
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let gateway: AppProcess;
  let analytics: AppProcess;
  let shared: Record<string, string>;
  let sigApiKey = '';

  beforeAll(async () => {
    database = await createTestDatabase();
    shared = { DATABASE_URL: database.url, EVENT_LOG: 'kafka', KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: topicPrefix, FLOWLENS_SECRET_KEY: SECRET_KEY };
    gateway = await AppProcess.start('ingest-gateway', shared);
    analytics = await AppProcess.start('standalone', {
      ...shared,
      FLOWLENS_ROLES: 'projector,api',
      FLOWLENS_DATA_DIR: dataDir,
      FLOWLENS_ADMIN_TOKEN: ADMIN,
      FLOWLENS_DEMO: 'false',
      PROJECTOR_MAX_BATCH: '7',
    });
    await gateway.waitReady();
    await analytics.waitReady();
  });

  afterAll(async () => {
    await gateway?.stop('SIGKILL');
    await analytics?.stop('SIGKILL');
    await probe.close();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (path: string, payload: object) => {
    const body = JSON.stringify(payload);
    return new ApiClient(gateway.url).post<{ accepted: number; duplicates: number }>(path, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET) });
  };

  it('takes a Jira issue from creation to done', async () => {
    const { client, connector } = await setUpWorkspace(new ApiClient(analytics.url), ADMIN, { type: 'jira', secret: SECRET });
    const now = Date.now();
    expect((await send(connector.webhookPath, issueCreated(7, now - 5 * 86_400_000))).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await send(connector.webhookPath, issueTransitioned(7, now - 2 * 86_400_000, 'To Do', 'Done', 40007))).body).toEqual({ accepted: 2, duplicates: 0 }); // the status change and the observation of the issue's current fields
    const item = await eventually(() => client.get<Record<string, unknown>>('/api/v1/items/KAN-7'), (r) => r.status === 200 && r.body['stageCategory'] === 'done', { what: 'KAN-7 done' });
    expect(item.body).toMatchObject({ itemKey: 'KAN-7', status: 'Done', boardId: 'KAN', doneAt: new Date(now - 2 * 86_400_000).toISOString() });
    expect((await client.get<{ total: number }>('/api/v1/metrics/throughput')).body.total).toBe(1);
  });

  it('keeps bad deliveries out of the log', async () => {
    const { connector } = await setUpWorkspace(new ApiClient(analytics.url), ADMIN, { type: 'jira', secret: SECRET });
    const before = await probe.offsets(TOPICS.rawWebhooks);
    const eventsBefore = await probe.offsets(TOPICS.workItemEvents);
    const gw = new ApiClient(gateway.url);
    const body = JSON.stringify(issueCreated(8, Date.now()));
    expect((await gw.post(connector.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, 'wrong') })).status).toBe(401);
    expect((await gw.post('/webhooks/jira/00000000-0000-4000-8000-000000000000', body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET) })).status).toBe(404);
    expect((await gw.post(connector.webhookPath, '{oops', { 'content-type': 'application/json', 'x-hub-signature': signJira('{oops', SECRET) })).status).toBe(400);
    const huge = JSON.stringify({ pad: 'y'.repeat(2 * 1024 * 1024) });
    expect((await gw.post(connector.webhookPath, huge, { 'content-type': 'application/json', 'x-hub-signature': signJira(huge, SECRET) })).status).toBe(413);
    expect(await probe.offsets(TOPICS.rawWebhooks)).toBe(before);
    expect(await probe.offsets(TOPICS.workItemEvents)).toBe(eventsBefore);
  });

  it('reports the deliveries above in the gateway /metrics, and the consumer in the projector /metrics', async () => {
    const text = async (app: AppProcess) => (await fetch(`${app.url}/metrics`)).text();
    const value = (body: string, series: string) => Number(body.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? NaN);
    const gw = await text(gateway);
    expect(value(gw, 'flowlens_webhooks_accepted_total{source="jira",outcome="events"}')).toBe(2);
    for (const reason of ['invalid_signature', 'unknown_connector', 'malformed_json', 'payload_too_large']) {
      expect([reason, value(gw, `flowlens_webhooks_rejected_total{source="jira",reason="${reason}"}`)]).toEqual([reason, 1]);
    }
    expect(value(gw, 'flowlens_webhooks_received_total{source="jira"}')).toBe(6);
    expect(value(gw, 'flowlens_log_append_seconds_count{log="kafka"}')).toBe(2);
    const projector = await eventually(() => text(analytics), (body) => value(body, `flowlens_consumer_lag{group="${PROJECTOR_GROUP}",topic="${TOPICS.workItemEvents}"}`) === 0, { what: 'projector lag 0' });
    expect(value(projector, `flowlens_projector_batch_size_count{topic="${TOPICS.workItemEvents}"}`)).toBeGreaterThanOrEqual(1);
  });

  it('loses no event and counts none twice when the projector is SIGKILLed mid-stream', async () => {
    const { client, connector, apiKey } = await setUpWorkspace(new ApiClient(analytics.url), ADMIN, { type: 'jira', secret: SECRET });
    sigApiKey = apiKey;
    await analytics.stop('SIGTERM');
    const now = Date.now();
    const issues = 60;
    const deliveries = Array.from({ length: issues }, (_, i) => {
      const n = i + 1;
      const start = now - (10 + (n % 7)) * 86_400_000;
      return [
        issueCreated(n, start, { project: 'SIG' }),
        issueTransitioned(n, start + 86_400_000, 'To Do', 'In Progress', 50_000 + n * 2, { project: 'SIG' }),
        issueTransitioned(n, start + (2 + (n % 3)) * 86_400_000, 'In Progress', 'Done', 50_001 + n * 2, { project: 'SIG' }),
      ];
    }).flat();
    let next = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        while (next < deliveries.length) expect((await send(connector.webhookPath, deliveries[next++] as object)).status).toBe(202);
      }),
    );
    const before = await probe.lag(PROJECTOR_GROUP);
    expect(before.lag).toBeGreaterThan(0);

    analytics.spawn();
    // Kill as soon as the projector has committed part of the stream but not all of it.
    await eventually(() => probe.lag(PROJECTOR_GROUP), (p) => p.lag < before.lag && p.lag > 0, { intervalMs: 20, what: 'projector part-way' });
    await analytics.stop('SIGKILL');
    const midway = await probe.lag(PROJECTOR_GROUP);
    expect(midway.lag).toBeGreaterThan(0);

    await analytics.restart();
    await eventually(() => probe.lag(PROJECTOR_GROUP), (p) => p.lag === 0, { timeoutMs: 180_000, what: 'projector caught up' });
    const throughput = await eventually(
      () => client.get<{ total: number }>('/api/v1/metrics/throughput?boardId=SIG'),
      (r) => r.status === 200 && r.body.total === issues,
      { timeoutMs: 120_000, what: `all ${issues} SIG items done` },
    );
    expect(throughput.body.total).toBe(issues);
    const sample = await client.get<Record<string, unknown>>('/api/v1/items/SIG-5');
    expect(sample.body).toMatchObject({ status: 'Done', stageCategory: 'done', startedAt: new Date(now - 15 * 86_400_000 + 86_400_000).toISOString() });
  });

  it('rebuilds the projections from Kafka offset 0 with identical figures', async () => {
    // The SIGKILL test's workspace holds 60 done SIG items.
    const sigKey = new ApiClient(analytics.url, sigApiKey);
    const before = await sigKey.get<{ total: number }>('/api/v1/metrics/throughput?boardId=SIG');
    expect(before.body.total).toBe(60);
    expect(await analytics.stop('SIGTERM')).toBe(0);
    const rebuild = await runToExit('cli', ['rebuild', '--yes'], { ...shared, FLOWLENS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/rebuilt projections from \d+ records/);
    await analytics.restart();
    await analytics.waitReady();
    expect((await sigKey.get('/api/v1/metrics/throughput?boardId=SIG')).body).toEqual(before.body);
  });

  it('answers 503 while the log is unreachable and reports it in /ready', async () => {
    const { connector } = await setUpWorkspace(new ApiClient(analytics.url), ADMIN, { type: 'jira', secret: SECRET });
    const deadKafka = `127.0.0.1:${await freePort()}`;
    const isolated = await AppProcess.start('ingest-gateway', { ...shared, KAFKA_BROKERS: deadKafka });
    try {
      const gw = new ApiClient(isolated.url);
      const body = JSON.stringify(issueCreated(9, Date.now()));
      const response = await gw.post<{ error: { code: string } }>(connector.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET) });
      expect(response.status).toBe(503);
      expect(response.body.error.code).toBe('log_unavailable');
      const ready = await gw.get<{ error: { code: string; message: string; details: Array<{ path: string }> } }>('/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toMatchObject({ code: 'not_ready', message: 'not ready: log' });
      expect(ready.body.error.details.map((d) => d.path)).toEqual(['log']);
    } finally {
      expect(await isolated.stop('SIGTERM')).toBe(0);
    }
  });

  it('refuses to start on a bad setting with one line naming the variable', async () => {
    const bad = await runToExit('ingest-gateway', [], { KAFKA_BROKERS: 'no-port-here', DATABASE_URL: database.url });
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^Invalid environment variable KAFKA_BROKERS: must be host:port/)]);
    const missing = await runToExit('metrics-api', [], { DATABASE_URL: database.url });
    expect(missing.code).toBe(1);
    expect(missing.stderr.trim()).toMatch(/^Invalid environment variable FLOWLENS_ADMIN_TOKEN: .*\(not set\)$/);
  });
});
