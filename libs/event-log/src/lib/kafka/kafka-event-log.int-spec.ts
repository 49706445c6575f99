import { randomUUID } from 'node:crypto';
import { TOPIC_DEFINITIONS, TOPICS } from '@flowlens/contracts';
import { EventLogUnavailableError } from '../event-log.errors';
import type { ConsumedBatch } from '../event-log.port';
import { KafkaEventLog } from './kafka-event-log';

const BROKERS = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const E = TOPICS.workItemEvents;
const R = TOPICS.rawWebhooks;

function newLog(prefix = `it-${randomUUID().slice(0, 8)}.`, brokers = BROKERS): KafkaEventLog {
  return new KafkaEventLog({ brokers, clientId: 'flowlens-it', topicPrefix: prefix, ssl: false, createTopics: true, replicationFactor: 1 });
}

async function eventually<T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 30000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${ms} ms; last value ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('KafkaEventLog (real broker)', () => {
  let log: KafkaEventLog;

  beforeEach(async () => {
    log = newLog();
    await log.ensureTopics();
  });
  afterEach(async () => {
    await log.close();
  });

  it('appends to two topics in one transaction and delivers keyed records in order per key', async () => {
    const keys = ['ws:item-1', 'ws:item-2'];
    await log.append([
      { topic: R, records: [{ key: 'ws:conn', value: 'raw-1' }] },
      { topic: E, records: keys.flatMap((k) => [1, 2, 3].map((n) => ({ key: k, value: `${k}#${n}`, headers: { 'x-n': String(n) } }))) },
    ]);
    const seen: ConsumedBatch['records'][number][] = [];
    const sub = await log.subscribe({ groupId: `g-${randomUUID()}`, topics: [E], fromBeginning: true, handleBatch: async (b) => void seen.push(...b.records) });
    await eventually(async () => seen.length, (n) => n === 6);
    await sub.stop();
    for (const key of keys) {
      expect(seen.filter((r) => r.key === key).map((r) => r.value)).toEqual([`${key}#1`, `${key}#2`, `${key}#3`]);
    }
    expect(seen.every((r) => r.topic === E && r.headers['x-n'])).toBe(true);
    // One record plus its transaction's commit marker.
    expect(await log.progress('nobody', [R])).toEqual([{ topic: R, lag: 2, total: 2 }]);
  });

  it('commits offsets only after the handler succeeds and redelivers a failed batch', async () => {
    const groupId = `g-${randomUUID()}`;
    await log.append([{ topic: E, records: [{ key: 'ws:a', value: 'one' }] }]);
    let attempts = 0;
    const delivered: string[] = [];
    const sub = await log.subscribe({
      groupId,
      topics: [E],
      fromBeginning: true,
      handleBatch: async (batch) => {
        attempts++;
        if (attempts === 1) throw new Error('downstream refused the batch');
        delivered.push(...batch.records.map((r) => r.value));
      },
    });
    await eventually(async () => delivered.length, (n) => n === 1, 60000);
    await sub.stop();
    expect(attempts).toBeGreaterThanOrEqual(2);
    expect(delivered).toEqual(['one']);
    const [progress] = await log.progress(groupId, [E]);
    expect(progress).toEqual({ topic: E, lag: 0, total: 2 });
  });

  it("hands one topic's partitions over in one call, and redelivers every partition of a failed call", async () => {
    const groupId = `g-${randomUUID()}`;
    const values = Array.from({ length: 30 }, (_, n) => `v${n}`);
    await log.append([{ topic: E, records: values.map((v, n) => ({ key: `ws:item-${n}`, value: v })) }]);
    const calls: Array<{ partitions: number[]; values: string[] }> = [];
    const sub = await log.subscribe({
      groupId,
      topics: [E],
      fromBeginning: true,
      handleBatch: async (batch) => {
        calls.push({ partitions: [...new Set(batch.records.map((r) => r.partition))], values: batch.records.map((r) => r.value) });
        if (calls.length === 1) throw new Error('downstream refused the batch');
      },
    });
    const delivered = () => new Set(calls.slice(1).flatMap((c) => c.values));
    await eventually(async () => delivered().size, (n) => n === values.length, 60000);
    await sub.stop();
    // The partitions fetched together (here all six, usually) came in one call, and all of that
    // failed call came again.
    expect(calls[0]?.partitions.length).toBeGreaterThan(1);
    expect(calls[0]?.partitions.length).toBeLessThanOrEqual(TOPIC_DEFINITIONS.find((t) => t.name === E)?.partitions as number);
    for (const value of calls[0]?.values ?? []) expect(delivered()).toContain(value);
    expect(delivered()).toEqual(new Set(values));
    const [progress] = await log.progress(groupId, [E]);
    expect(progress?.lag).toBe(0);
  });

  it('resets a group to the start of its topics for a rebuild', async () => {
    const groupId = `g-${randomUUID()}`;
    await log.append([{ topic: E, records: [1, 2, 3].map((n) => ({ key: `ws:${n}`, value: String(n) })) }]);
    let count = 0;
    const sub = await log.subscribe({ groupId, topics: [E], fromBeginning: true, handleBatch: async (b) => void (count += b.records.length) });
    await eventually(async () => count, (n) => n === 3);
    await sub.stop();
    expect((await log.progress(groupId, [E]))[0]?.lag).toBe(0);
    await log.resetGroup(groupId, [E]);
    const [reset] = await log.progress(groupId, [E]);
    expect(reset?.lag).toBe(reset?.total);
    expect(reset?.lag).toBeGreaterThanOrEqual(3);
  });

  it('fails appends fast with EventLogUnavailableError when no broker answers', async () => {
    const dead = newLog('dead.', ['127.0.0.1:1']);
    const started = Date.now();
    await expect(dead.append([{ topic: E, records: [{ key: 'k', value: 'v' }] }])).rejects.toBeInstanceOf(EventLogUnavailableError);
    await expect(dead.ping()).rejects.toBeInstanceOf(EventLogUnavailableError);
    expect(Date.now() - started).toBeLessThan(60000);
    await dead.close();
  });
});
