import { TOPICS } from '@flowlens/contracts';
import { eventually } from '@flowlens/testing';
import { signJira } from '../support/jira-webhooks';
import { KafkaPipeline } from '../support/pipeline/kafka-pipeline';
import { createdThenDone, type IdentifiedDelivery, postJira, retryAll, sendAndKill } from '../support/pipeline/kill-during-load';
import { LogTopicReader } from '../support/pipeline/log-topic.reader';

const SECRET = 'jira-secret-for-kafka-durability-tests';
const ITEMS = 120;

type RawRecord = { deliveryId: string; outcome: string; eventIds: string[] };

describe('webhook group commit on Kafka (ingest-gateway -> shared transactions -> projector, PostgreSQL)', () => {
  let pipeline: KafkaPipeline;

  beforeAll(async () => {
    pipeline = await KafkaPipeline.start();
  });

  afterAll(async () => {
    await pipeline?.stop();
  });

  it('SIGKILL of the gateway under 32 concurrent webhooks loses no acknowledged delivery and doubles none; after the restart a retry is a duplicate', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'jira', secret: SECRET });
    const items = createdThenDone('KGC', ITEMS, Date.now());
    const send = (delivery: { id: string; body: string }) => postJira(pipeline.gateway.url, connector.webhookPath, SECRET, delivery);
    const { acked, unacked } = await sendAndKill(items, send, { concurrency: 32, killAfter: 90, kill: () => pipeline.gateway.stop('SIGKILL') });
    expect(acked.size).toBeGreaterThanOrEqual(90);
    expect(unacked.length).toBeGreaterThan(0);

    // Committed records only (read_committed), as the projector sees them.
    const raw = new LogTopicReader<RawRecord>(pipeline.topicPrefix, TOPICS.rawWebhooks);
    const events = new LogTopicReader<{ eventId: string }>(pipeline.topicPrefix, TOPICS.workItemEvents);
    await Promise.all([raw.start(), events.start()]);
    try {
      const mine = (records: readonly RawRecord[]) => records.filter((r) => acked.has(r.deliveryId));
      await raw.until((records) => new Set(mine(records).map((r) => r.deliveryId)).size === acked.size, 'every acknowledged delivery in the raw topic');
      const eventIds = new Set(mine(raw.records).flatMap((r) => r.eventIds));
      await events.until((records) => [...eventIds].every((id) => records.some((e) => e.eventId === id)), 'every acknowledged event in the events topic');
      expect(mine(raw.records)).toHaveLength(acked.size);
      expect(mine(raw.records).every((r) => r.outcome === 'accepted')).toBe(true);
      expect(events.records.filter((e) => eventIds.has(e.eventId))).toHaveLength(eventIds.size);
    } finally {
      await Promise.all([raw.stop(), events.stop()]);
    }

    await pipeline.gateway.restart();
    await pipeline.gateway.waitReady();
    const retried = items.flat().find((d) => d.id === [...acked][0]) as { id: string; body: string };
    const again = await pipeline.gw().post(connector.webhookPath, retried.body, { 'content-type': 'application/json', 'x-hub-signature': signJira(retried.body, SECRET), 'x-atlassian-webhook-identifier': retried.id });
    expect(again).toMatchObject({ status: 202, body: { accepted: 0, duplicates: 1 } });

    expect(new Set(await retryAll(unacked, send))).toEqual(new Set([202]));
    await pipeline.caughtUp();
    const throughput = await eventually(
      () => client.get<{ total: number }>('/api/v1/metrics/throughput?boardId=KGC'),
      (r) => r.status === 200 && r.body.total >= ITEMS,
      { timeoutMs: 120_000, what: `all ${ITEMS} KGC items done` },
    );
    expect(throughput.body.total).toBe(ITEMS);
  });

  it('a secret rotated in the API process is honoured by the gateway at once: it reloads before refusing', async () => {
    const { client, connector } = await pipeline.workspace({ type: 'jira', secret: SECRET });
    const created = createdThenDone('KROT', 3, Date.now()).map((item) => item[0] as IdentifiedDelivery);
    const post = (n: number, secret: string) => postJira(pipeline.gateway.url, connector.webhookPath, secret, created[n] as IdentifiedDelivery);
    expect(await post(0, SECRET)).toBe(202); // cached in the gateway
    expect((await client.request('PATCH', `/api/v1/connectors/${connector.id}`, { secret: 'the-rotated-secret' })).status).toBe(200);
    expect(await post(1, 'the-rotated-secret')).toBe(202);
    expect(await post(2, SECRET)).toBe(401);
  });
});
