import type { Consumer, Kafka } from 'kafkajs';
import { TOPIC_DEFINITIONS } from '@flowlens/contracts';
import { GroupCommit } from '@flowlens/platform';
import type { ConsumedBatch, SubscribeOptions, Subscription, SubscriptionState } from '../event-log.port';

const DEFAULT_MAX_BATCH = 2000;

/** Every partition of the subscribed topics at once (kafkajs runs one eachBatch per partition). */
const partitionsOf = (topics: readonly string[]): number => topics.reduce((n, t) => n + (TOPIC_DEFINITIONS.find((d) => d.name === t)?.partitions ?? 1), 0);

/**
 * A consumer-group member that commits offsets only after its handler accepted a batch.
 * kafkajs hands over one partition's batch at a time; the batches of one topic's partitions that
 * arrive together are merged into one handler call (one ClickHouse insert instead of one per
 * partition), and each partition's offsets are resolved only once that call has succeeded.
 */
export class KafkaSubscription implements Subscription {
  state: SubscriptionState = 'starting';
  lastError: Error | null = null;
  private readonly consumer: Consumer;
  private readonly merging = new Map<string, GroupCommit<ConsumedBatch>>();

  constructor(
    kafka: Kafka,
    private readonly options: SubscribeOptions,
    private readonly physical: (topic: string) => string,
    private readonly logical: (topic: string) => string,
  ) {
    this.consumer = kafka.consumer({
      groupId: options.groupId,
      allowAutoTopicCreation: false,
      readUncommitted: false,
      sessionTimeout: 30000,
      heartbeatInterval: 3000,
      maxBytesPerPartition: 4 * 1024 * 1024,
    });
    const { CRASH, GROUP_JOIN, STOP } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, () => {
      this.state = 'running';
    });
    this.consumer.on(CRASH, (event) => {
      this.state = 'crashed';
      this.lastError = event.payload.error;
    });
    this.consumer.on(STOP, () => {
      if (this.state !== 'crashed') this.state = 'stopped';
    });
  }

  async start(): Promise<void> {
    const { topics, fromBeginning, maxBatchSize = DEFAULT_MAX_BATCH } = this.options;
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: topics.map(this.physical), fromBeginning });
    // Offsets are resolved only after the handler accepted a batch, and autoCommit commits only
    // resolved offsets — it is what moves the group past transaction markers, too.
    await this.consumer.run({
      autoCommit: true,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: partitionsOf(topics),
      eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
        let handled = 0;
        for (let i = 0; i < batch.messages.length && isRunning() && !isStale(); i += maxBatchSize) {
          const chunk = batch.messages.slice(i, i + maxBatchSize);
          await this.merged({
            topic: this.logical(batch.topic),
            partition: batch.partition,
            records: chunk.map((m) => ({
              topic: this.logical(batch.topic),
              partition: batch.partition,
              offset: m.offset,
              key: m.key ? m.key.toString('utf8') : null,
              value: m.value ? m.value.toString('utf8') : '',
              headers: Object.fromEntries(
                Object.entries(m.headers ?? {}).map(([k, v]) => [k, Buffer.isBuffer(v) ? v.toString('utf8') : String(v ?? '')]),
              ),
              timestamp: Number(m.timestamp),
            })),
          });
          resolveOffset((chunk[chunk.length - 1] as { offset: string }).offset);
          await commitOffsetsIfNecessary();
          handled += chunk.length;
          this.state = 'running';
          this.lastError = null;
          await heartbeat();
        }
        if (handled === batch.messages.length && isRunning() && !isStale()) {
          resolveOffset(batch.lastOffset());
          await commitOffsetsIfNecessary();
        }
      },
    });
  }

  /** Hands `batch` over together with the other partitions' batches of its topic that are waiting. */
  private merged(batch: ConsumedBatch): Promise<void> {
    let group = this.merging.get(batch.topic);
    if (!group) {
      const { handleBatch, maxBatchSize = DEFAULT_MAX_BATCH } = this.options;
      group = new GroupCommit<ConsumedBatch>((batches) => handleBatch(mergeBatches(batches)), { maxWeight: maxBatchSize, weigh: (b) => b.records.length });
      this.merging.set(batch.topic, group);
    }
    return group.add(batch);
  }

  async stop(): Promise<void> {
    // disconnect() waits for the batch in flight to finish (and commit) before leaving the group.
    await this.consumer.disconnect();
    this.state = 'stopped';
  }
}

/** One topic's batches (a group commit never flushes none) as one; `partition` is the first batch's. */
function mergeBatches(batches: readonly ConsumedBatch[]): ConsumedBatch {
  const first = batches[0] as ConsumedBatch;
  return batches.length === 1 ? first : { topic: first.topic, partition: first.partition, records: batches.flatMap((b) => b.records) };
}
