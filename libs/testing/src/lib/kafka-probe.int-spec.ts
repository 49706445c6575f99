import { randomUUID } from 'node:crypto';
import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';
import { KAFKA_BROKERS, KafkaProbe } from './kafka-probe';

// The e2e specs' "projector caught up" rests on this probe; a read of the last stable offset
// made it answer "caught up" while a just-committed transaction's markers were still pending.
describe('KafkaProbe on the real broker', () => {
  const prefix = `probe-${randomUUID().slice(0, 8)}.`;
  const topic = 'flowlens.workitem-events.v1';
  const physical = prefix + topic;
  const kafka = new Kafka({ clientId: 'probe-spec', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
  let admin: Admin;
  let producer: Producer;
  let probe: KafkaProbe;

  beforeAll(async () => {
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ topics: [{ topic: physical, numPartitions: 1 }], waitForLeaders: true });
    producer = kafka.producer({ transactionalId: `probe-spec-${randomUUID()}`, idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    probe = new KafkaProbe(prefix);
  });

  afterAll(async () => {
    await probe?.close();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [physical] }).catch(() => undefined);
    await admin?.disconnect();
  });

  it('counts records of a transaction not yet committed as lag, and settles offsets once it is', async () => {
    const group = 'reader';
    await admin.setOffsets({ groupId: prefix + group, topic: physical, partitions: [{ partition: 0, offset: '0' }] });
    expect(await probe.lag(group, topic)).toEqual({ lag: 0, total: 0 });

    const open = await producer.transaction();
    await open.send({ topic: physical, messages: [{ key: 'k', value: 'one' }, { key: 'k', value: 'two' }] });
    // read_committed consumers cannot see these yet (the last stable offset is still 0) ...
    expect((await admin.fetchTopicOffsets(physical)).map((p) => p.high)).toEqual(['0']);
    // ... but a group at offset 0 has them ahead of it.
    expect(await probe.lag(group, topic)).toEqual({ lag: 2, total: 2 });

    const settled = probe.offsets(topic);
    await open.commit();
    // Two records and the commit marker.
    await expect(settled).resolves.toBe(3);
    expect(await probe.lag(group, topic)).toEqual({ lag: 3, total: 3 });
  });
});
