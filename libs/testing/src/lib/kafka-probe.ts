import { randomUUID } from 'node:crypto';
import { type Admin, Kafka, logLevel } from 'kafkajs';

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/** Topic names of the log, as defined in @flowlens/contracts (kept literal: util code imports no domain lib). */
export const LOG_TOPICS = { workItemEvents: 'flowlens.workitem-events.v1', rawWebhooks: 'flowlens.raw-webhooks.v1', deadLetters: 'flowlens.dlq.v1' } as const;

export function uniqueTopicPrefix(): string {
  return `e2e-${randomUUID().slice(0, 8)}.`;
}

/** Reads offsets on the real broker the apps use: how much a topic holds, how far a group got. */
export class KafkaProbe {
  private readonly admin: Admin;
  private connected: Promise<void> | null = null;

  constructor(private readonly topicPrefix: string) {
    this.admin = new Kafka({ clientId: 'flowlens-probe', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING }).admin();
  }

  /** Offsets held by a topic (records plus transaction markers). */
  async offsets(topic: string = LOG_TOPICS.rawWebhooks): Promise<number> {
    await this.connect();
    const ends = await this.admin.fetchTopicOffsets(this.topicPrefix + topic).catch(() => []);
    return ends.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  }

  /** Offsets a consumer group (its logical name; the prefix namespaces it, as in the apps) still has to consume. */
  async lag(groupId: string, topic: string = LOG_TOPICS.workItemEvents): Promise<{ lag: number; total: number }> {
    await this.connect();
    const physical = this.topicPrefix + topic;
    const ends = await this.admin.fetchTopicOffsets(physical);
    const [committed] = await this.admin.fetchOffsets({ groupId: this.topicPrefix + groupId, topics: [physical] });
    let lag = 0;
    let total = 0;
    for (const p of ends) {
      const at = Number(committed?.partitions.find((c) => c.partition === p.partition)?.offset ?? -1);
      total += Number(p.high) - Number(p.low);
      lag += Number(p.high) - (at < 0 ? Number(p.low) : Math.max(at, Number(p.low)));
    }
    return { lag, total };
  }

  async close(): Promise<void> {
    if (this.connected) await this.admin.disconnect();
  }

  private connect(): Promise<void> {
    this.connected ??= this.admin.connect();
    return this.connected;
  }
}
