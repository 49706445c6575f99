// Proves kafkajs 2.2.4 works with the broker line pinned in infra/kafka/pom.xml (Kafka 4.x removed
// old protocol versions, KIP-896). Every API Flowlens relies on is exercised here; a broker bump
// that breaks one of them fails this spec.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Admin, Kafka, logLevel } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');

describe('kafkajs against the pinned Kafka broker', () => {
  const kafka = new Kafka({ clientId: 'compat', brokers, logLevel: logLevel.NOTHING, retry: { retries: 8 } });
  const topic = `compat-${randomUUID().slice(0, 8)}`;
  let admin: Admin;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
  });

  it('runs the pinned 4.x broker', async () => {
    const pom = readFileSync(join(__dirname, '..', '..', 'infra', 'kafka', 'pom.xml'), 'utf8');
    expect(pom).toMatch(/<kafka.version>4\.\d+\.\d+<\/kafka.version>/);
    const cluster = await admin.describeCluster();
    expect(cluster.brokers.length).toBeGreaterThan(0);
  });

  it('creates, describes, grows and deletes topics', async () => {
    expect(await admin.createTopics({ topics: [{ topic, numPartitions: 2 }], waitForLeaders: true })).toBe(true);
    const meta = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(meta.topics[0]?.partitions).toHaveLength(2);
    await admin.createPartitions({ topicPartitions: [{ topic, count: 3 }] });
    const configs = await admin.describeConfigs({ resources: [{ type: 2, name: topic }], includeSynonyms: false });
    expect(configs.resources[0]?.configEntries.length).toBeGreaterThan(0);
  });

  it('produces idempotently and transactionally, consumes with manual commits and reads offsets', async () => {
    const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'a', value: 'v1', headers: { h: 'x' } }] });
    const tx = kafka.producer({ transactionalId: `compat-${randomUUID()}`, idempotent: true, maxInFlightRequests: 1 });
    await tx.connect();
    const transaction = await tx.transaction();
    await transaction.send({ topic, messages: [{ key: 'b', value: 'v2' }] });
    await transaction.commit();

    const aborted = await tx.transaction();
    await aborted.send({ topic, messages: [{ key: 'c', value: 'never-seen' }] });
    await aborted.abort();

    const groupId = `compat-${randomUUID()}`;
    const consumer = kafka.consumer({ groupId });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const values: string[] = [];
    let header = '';
    await new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachMessage: async ({ partition, message }) => {
          values.push(message.value?.toString() ?? '');
          if (message.headers?.h) header = message.headers.h.toString();
          await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
          if (values.length === 2) resolve();
        },
      });
    });
    await consumer.disconnect();
    expect(values.sort()).toEqual(['v1', 'v2']);
    expect(header).toBe('x');

    const committed = await admin.fetchOffsets({ groupId, topics: [topic] });
    expect(committed[0]?.partitions.some((p) => Number(p.offset) > 0)).toBe(true);
    const ends = await admin.fetchTopicOffsets(topic);
    expect(ends.reduce((n, p) => n + Number(p.high), 0)).toBeGreaterThanOrEqual(2);
    await admin.fetchTopicOffsetsByTimestamp(topic, Date.now() - 60_000);
    const groups = await admin.describeGroups([groupId]);
    expect(groups.groups[0]?.groupId).toBe(groupId);
    await admin.resetOffsets({ groupId, topic, earliest: true });
    await admin.deleteGroups([groupId]);
    await producer.disconnect();
    await tx.disconnect();
    await admin.deleteTopics({ topics: [topic] });
  });
});
