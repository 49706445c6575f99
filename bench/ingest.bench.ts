// npm run bench:ingest — N synthetic events through gateway -> Kafka -> projector -> ClickHouse,
// beside the raw kafkajs produce rate and the raw ClickHouse insert rate of the same events.
// BENCH_EVENTS (default 50,000), BENCH_BATCH (events per request, 500), BENCH_CONCURRENCY (4).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import { GenericWebhookConnector, signGenericBody } from '@flowlens/connector-generic';
import type { CanonicalEvent } from '@flowlens/contracts';
import { ProjectionWriter } from '@flowlens/projections';
import { ApiClient, AppProcess, createTestDatabase, eventually, KAFKA_BROKERS, KafkaProbe, setUpWorkspace, uniqueTopicPrefix } from '@flowlens/testing';
import { rate, report } from './bench-report';
import { syntheticGenericEvents } from './synthetic-events';

const N = Number(process.env.BENCH_EVENTS ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const ADMIN = 'bench-admin-token-0123456789';
const SECRET = 'bench-generic-secret';

async function endToEnd(events: object[]): Promise<{ acceptedMs: number; projectedMs: number; workspaceId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-bench-'));
  const database = await createTestDatabase();
  const topicPrefix = uniqueTopicPrefix();
  const shared = { DATABASE_URL: database.url, EVENT_LOG: 'kafka', KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: topicPrefix, FLOWLENS_SECRET_KEY: 'bench-key', LOG_LEVEL: 'warn' };
  const gateway = await AppProcess.start('ingest-gateway', { ...shared, HTTP_BODY_LIMIT: '8mb' });
  const analytics = await AppProcess.start('standalone', { ...shared, FLOWLENS_ROLES: 'projector,api', FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
  const probe = new KafkaProbe(topicPrefix);
  try {
    await gateway.waitReady();
    await analytics.waitReady();
    const { workspaceId, connector } = await setUpWorkspace(new ApiClient(analytics.url), ADMIN, { type: 'generic', secret: SECRET });
    const gw = new ApiClient(gateway.url);
    const batches: string[] = [];
    for (let i = 0; i < events.length; i += BATCH) batches.push(JSON.stringify({ events: events.slice(i, i + BATCH) }));

    const started = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < batches.length) {
          const body = batches[next++] as string;
          const response = await gw.post(connector.webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) });
          if (response.status !== 202) throw new Error(`gateway answered ${response.status}: ${JSON.stringify(response.body)}`);
        }
      }),
    );
    const acceptedMs = Date.now() - started;
    await eventually(() => probe.lag('flowlens-projector'), (p) => p.lag === 0, { timeoutMs: 600_000, intervalMs: 100, what: 'projector caught up' });
    return { acceptedMs, projectedMs: Date.now() - started, workspaceId };
  } finally {
    await probe.close();
    await gateway.stop('SIGTERM');
    await analytics.stop('SIGTERM');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function rawKafka(canonical: CanonicalEvent[]): Promise<number> {
  const kafka = new Kafka({ clientId: 'bench-raw', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const topic = `${uniqueTopicPrefix()}raw-produce`;
  await admin.createTopics({ topics: [{ topic, numPartitions: 6 }], waitForLeaders: true });
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const messages = canonical.map((e) => ({ key: `${e.workspaceId}:${e.itemId}`, value: JSON.stringify(e) }));
  const started = Date.now();
  for (let i = 0; i < messages.length; i += BATCH) await producer.send({ topic, acks: -1, messages: messages.slice(i, i + BATCH) });
  const ms = Date.now() - started;
  await producer.disconnect();
  await admin.deleteTopics({ topics: [topic] });
  await admin.disconnect();
  return ms;
}

async function rawClickHouse(canonical: CanonicalEvent[]): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-bench-ch-'));
  const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_bench', dataDir });
  try {
    await migrateClickHouse(store);
    const writer = new ProjectionWriter(store);
    const started = Date.now();
    for (let i = 0; i < canonical.length; i += 5000) await writer.writeEvents(canonical.slice(i, i + 5000));
    return Date.now() - started;
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same events as the gateway makes of them (the generic connector takes 1,000 per delivery). */
function toCanonical(events: object[], workspaceId: string): CanonicalEvent[] {
  const connector = new GenericWebhookConnector();
  const out: CanonicalEvent[] = [];
  for (let i = 0; i < events.length; i += 1000) {
    const result = connector.normalise({ events: events.slice(i, i + 1000) }, { workspaceId, connectorId: 'bench', receivedAt: new Date().toISOString(), settings: {} });
    if (result.kind !== 'events') throw new Error('synthetic events did not normalise');
    out.push(...result.events);
  }
  return out;
}

async function main(): Promise<void> {
  const events = syntheticGenericEvents(N, Date.now());
  const e2e = await endToEnd(events);
  const canonical = toCanonical(events, e2e.workspaceId);
  const kafkaMs = await rawKafka(canonical);
  const clickhouseMs = await rawClickHouse(canonical);
  const e2eRate = rate(N, e2e.projectedMs);
  const kafkaRate = rate(N, kafkaMs);
  const chRate = rate(N, clickhouseMs);
  report(
    'ingest',
    [
      ['events', N],
      ['batch per request / concurrency', `${BATCH} / ${CONCURRENCY}`],
      ['gateway accepted (events/s)', rate(N, e2e.acceptedMs)],
      ['end to end, to ClickHouse (events/s)', e2eRate],
      ['raw kafkajs produce (events/s)', kafkaRate],
      ['raw ClickHouse insert (events/s)', chRate],
      ['end to end / raw kafkajs', (e2eRate / kafkaRate).toFixed(2)],
      ['end to end / raw ClickHouse', (e2eRate / chRate).toFixed(2)],
    ],
    { events: N, batch: BATCH, concurrency: CONCURRENCY, ms: { accepted: e2e.acceptedMs, endToEnd: e2e.projectedMs, rawKafka: kafkaMs, rawClickHouse: clickhouseMs }, eventsPerSecond: { endToEnd: e2eRate, rawKafka: kafkaRate, rawClickHouse: chRate } },
  );
}

void main().catch((error: Error) => {
  console.error(`bench:ingest failed: ${error.message}`);
  process.exit(1);
});
