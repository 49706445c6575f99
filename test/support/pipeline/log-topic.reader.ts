import { randomUUID } from 'node:crypto';
import { type Consumer, Kafka, logLevel } from 'kafkajs';
import { eventually, KAFKA_BROKERS } from '@flowlens/testing';

/**
 * Reads a log topic from the beginning on the real broker (committed records only, as the
 * projector sees them), so a spec can check what the gateway appended.
 */
export class LogTopicReader<T = Record<string, unknown>> {
  readonly records: T[] = [];
  private consumer: Consumer | null = null;

  constructor(
    private readonly topicPrefix: string,
    private readonly topic: string,
  ) {}

  async start(): Promise<void> {
    const kafka = new Kafka({ clientId: 'flowlens-e2e-reader', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({ groupId: `e2e-reader-${randomUUID()}`, readUncommitted: false });
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.topicPrefix + this.topic, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value) this.records.push(JSON.parse(message.value.toString('utf8')) as T);
      },
    });
  }

  /** Waits until the records read so far satisfy `ok`. */
  until(ok: (records: readonly T[]) => boolean, what: string): Promise<readonly T[]> {
    return eventually(async () => this.records, ok, { timeoutMs: 60_000, intervalMs: 200, what });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
