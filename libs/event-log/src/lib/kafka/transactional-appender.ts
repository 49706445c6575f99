import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import { flowlensMetrics, GroupCommit } from '@flowlens/platform';
import { EventLogUnavailableError } from '../event-log.errors';
import type { TopicAppend } from '../event-log.port';

const MAX_RECORDS_PER_TRANSACTION = 5000;

/**
 * Appends through Kafka transactions so that one append spanning several topics (raw payload +
 * canonical events) becomes visible all together or not at all. Group commit: appends queued
 * while a transaction is in flight share the next one (one produce request per partition and one
 * commit for all of them); each resolves only once that transaction has committed.
 */
export class TransactionalAppender {
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;
  private readonly transactions = new GroupCommit<readonly TopicAppend[]>((batch) => this.commitOrFail(batch.flat()), {
    maxWeight: MAX_RECORDS_PER_TRANSACTION,
    weigh: (appends) => appends.reduce((n, a) => n + a.records.length, 0),
    onFlush: (appends) => flowlensMetrics.observeAppendGroup('kafka', appends),
  });

  constructor(
    private readonly kafka: Kafka,
    private readonly clientId: string,
    private readonly physical: (topic: string) => string,
  ) {}

  append(appends: readonly TopicAppend[]): Promise<void> {
    if (appends.every((a) => a.records.length === 0)) return Promise.resolve();
    return this.transactions.add(appends);
  }

  async close(): Promise<void> {
    await this.transactions.idle();
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect();
  }

  private async commitOrFail(appends: readonly TopicAppend[]): Promise<void> {
    try {
      await this.commit(appends);
    } catch (error) {
      throw error instanceof EventLogUnavailableError ? error : new EventLogUnavailableError(`kafka append failed: ${(error as Error).message}`, error);
    }
  }

  private async commit(appends: readonly TopicAppend[]): Promise<void> {
    const producer = await this.connected();
    const byTopic = new Map<string, Array<{ key: string; value: string; headers?: Record<string, string> }>>();
    for (const { topic, records } of appends) {
      const list = byTopic.get(topic) ?? [];
      for (const r of records) list.push({ key: r.key, value: r.value, ...(r.headers ? { headers: { ...r.headers } } : {}) });
      byTopic.set(topic, list);
    }
    const transaction = await producer.transaction();
    try {
      await transaction.sendBatch({
        acks: -1,
        compression: CompressionTypes.GZIP,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic: this.physical(topic), messages })),
      });
      await transaction.commit();
    } catch (error) {
      await transaction.abort().catch(() => undefined);
      // A failed transaction can leave the producer fenced or confused: start afresh next time.
      await this.reset();
      throw error;
    }
  }

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    if (!this.connecting) {
      const producer = this.kafka.producer({
        transactionalId: `${this.clientId}-${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`,
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // After a commit the broker still writes its markers; the next transaction's first send is
        // answered CONCURRENT_TRANSACTIONS for a few ms and retried. A 200 ms first backoff made that
        // wait most of a webhook's latency: start at 10 ms, over the same ~0.6 s retry window.
        retry: { retries: 6, initialRetryTime: 10, maxRetryTime: 2000 },
      });
      this.connecting = producer
        .connect()
        .then(() => (this.producer = producer))
        .catch(async (error: Error) => {
          await producer.disconnect().catch(() => undefined);
          throw new EventLogUnavailableError(`kafka unreachable: ${error.message}`, error);
        })
        .finally(() => (this.connecting = null));
    }
    return this.connecting;
  }

  private async reset(): Promise<void> {
    const producer = this.producer;
    this.producer = null;
    await producer?.disconnect().catch(() => undefined);
  }
}
