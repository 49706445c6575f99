import { randomUUID } from 'node:crypto';
import { type Admin, Kafka, logLevel } from 'kafkajs';
import { eventually } from './eventually';

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

/** Topic names of the log, as defined in @flowlens/contracts (kept literal: util code imports no domain lib). */
export const LOG_TOPICS = { workItemEvents: 'flowlens.workitem-events.v1', rawWebhooks: 'flowlens.raw-webhooks.v1', deadLetters: 'flowlens.dlq.v1' } as const;

export function uniqueTopicPrefix(): string {
  return `e2e-${randomUUID().slice(0, 8)}.`;
}

type PartitionEnds = Array<{ partition: number; high: number; low: number }>;

/**
 * Reads offsets on the real broker the apps use: how much a topic holds, how far a group got.
 *
 * It measures against each partition's high watermark, not the last stable offset kafkajs' admin
 * lists: a producer's transaction commit returns before the broker has written the commit
 * markers, and until then the last stable offset still stands before that transaction's records.
 * A group that had consumed everything earlier would look caught up with records it cannot have
 * read yet.
 */
export class KafkaProbe {
  private readonly admin: Admin;
  private readonly uncommitted: Admin;
  private connected: Promise<unknown> | null = null;

  constructor(private readonly topicPrefix: string) {
    const kafka = () => new Kafka({ clientId: 'flowlens-probe', brokers: KAFKA_BROKERS.split(','), logLevel: logLevel.NOTHING });
    this.admin = kafka().admin();
    this.uncommitted = readUncommittedAdmin(kafka());
  }

  /**
   * Offsets held by a topic (records plus transaction markers), read once no transaction on it
   * is still settling (high watermark = last stable offset), so that two reads compare.
   */
  async offsets(topic: string = LOG_TOPICS.rawWebhooks): Promise<number> {
    const physical = this.topicPrefix + topic;
    const settled = await eventually(
      async () => {
        // A topic not created yet holds nothing.
        const none = (): PartitionEnds => [];
        const [high, stable] = await Promise.all([this.highWatermarks(physical).catch(none), this.stableEnds(physical).catch(none)]);
        return { high, settled: high.every((p) => stable.find((s) => s.partition === p.partition)?.high === p.high) };
      },
      (read) => read.settled,
      { timeoutMs: 30_000, intervalMs: 100, what: `${physical} settled` },
    );
    return settled.high.reduce((n, p) => n + p.high - p.low, 0);
  }

  /** Offsets a consumer group (its logical name; the prefix namespaces it, as in the apps) still has to consume. */
  async lag(groupId: string, topic: string = LOG_TOPICS.workItemEvents): Promise<{ lag: number; total: number }> {
    const physical = this.topicPrefix + topic;
    const ends = await this.highWatermarks(physical);
    const [committed] = await this.admin.fetchOffsets({ groupId: this.topicPrefix + groupId, topics: [physical] });
    let lag = 0;
    let total = 0;
    for (const p of ends) {
      const at = Number(committed?.partitions.find((c) => c.partition === p.partition)?.offset ?? -1);
      total += p.high - p.low;
      lag += p.high - (at < 0 ? p.low : Math.max(at, p.low));
    }
    return { lag, total };
  }

  async close(): Promise<void> {
    if (this.connected) await Promise.all([this.admin.disconnect(), this.uncommitted.disconnect()]);
  }

  /** Last stable offsets: what read_committed consumers (the apps) can reach. */
  private stableEnds(physical: string): Promise<PartitionEnds> {
    return this.ends(this.admin, physical);
  }

  /** High watermarks: every replicated record, committed or not. */
  private highWatermarks(physical: string): Promise<PartitionEnds> {
    return this.ends(this.uncommitted, physical);
  }

  private async ends(admin: Admin, physical: string): Promise<PartitionEnds> {
    this.connected ??= Promise.all([this.admin.connect(), this.uncommitted.connect()]);
    await this.connected;
    const ends = await admin.fetchTopicOffsets(physical);
    return ends.map((p) => ({ partition: p.partition, high: Number(p.high), low: Number(p.low) }));
  }
}

/** kafkajs' ListOffsets isolation level for read_uncommitted (its protocol constant). */
const READ_UNCOMMITTED = 0;
const CLUSTER_FACTORY = 'private:Kafka:createCluster';

/**
 * An admin that lists offsets read_uncommitted. kafkajs (unmaintained, pinned at 2.2.4) gives its
 * admin no isolation option, but builds every client's cluster through one factory that takes
 * it; this admin's factory passes it. Fails loudly should a kafkajs upgrade move that factory.
 */
function readUncommittedAdmin(kafka: Kafka): Admin {
  const client = kafka as unknown as Record<symbol, (options: object) => unknown>;
  const factory = Object.getOwnPropertySymbols(client).find((s) => s.description === CLUSTER_FACTORY);
  const build = factory ? client[factory] : undefined;
  if (!factory || !build) throw new Error(`kafkajs has no ${CLUSTER_FACTORY} any more: the probe cannot read high watermarks`);
  client[factory] = (options: object) => build({ ...options, isolationLevel: READ_UNCOMMITTED });
  return kafka.admin();
}
