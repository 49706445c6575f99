import type { EventEmitter } from 'node:events';
import type { ConsumedBatch, SubscribeOptions, Subscription, SubscriptionState } from '../event-log.port';
import type { Journal } from './journal';
import type { OffsetStore } from './offset-store';

const IDLE_POLL_MS = 1000;
const MAX_BACKOFF_MS = 30_000;
/**
 * After a batch smaller than the maximum, let appends gather this long before reading again: a
 * steady trickle of webhooks then becomes a few larger projector batches (one ClickHouse insert
 * each) instead of one tiny batch per group commit. The first record after a quiet spell is read
 * at once.
 */
const LINGER_MS = 200;

interface EmbeddedSubscribeOptions extends SubscribeOptions {
  readonly unprefix: (topic: string) => string;
}

/** One reader loop per topic (like one partition each), committing after every handled batch (on disk within a second). */
export class EmbeddedSubscription implements Subscription {
  state: SubscriptionState = 'starting';
  lastError: Error | null = null;
  private stopping = false;
  private loops: Array<Promise<void>> = [];
  private readonly waiters = new Set<() => void>();
  private readonly stopWaiters = new Set<() => void>();
  private readonly onAppend = () => this.wakeAll();

  constructor(
    private readonly journal: Journal,
    private readonly offsets: OffsetStore,
    private readonly appended: EventEmitter,
    private readonly options: EmbeddedSubscribeOptions,
  ) {}

  start(): void {
    this.appended.on('append', this.onAppend);
    this.state = 'running';
    this.loops = this.options.topics.map((topic) => this.run(topic));
  }

  async stop(): Promise<void> {
    if (this.stopping) return Promise.all(this.loops).then(() => undefined);
    this.stopping = true;
    this.wakeAll();
    for (const waiter of [...this.stopWaiters]) waiter();
    await Promise.all(this.loops);
    await this.offsets.flush(); // what the last batches reached, on disk before stop() resolves
    this.appended.off('append', this.onAppend);
    this.state = 'stopped';
  }

  private async run(topic: string): Promise<void> {
    const { groupId, fromBeginning, maxBatchSize = 1000 } = this.options;
    let backoff = 250;
    while (!this.stopping) {
      let position = this.offsets.get(groupId, topic);
      if (position === undefined) {
        position = fromBeginning ? 0 : this.journal.endOffset;
        await this.offsets.commit(groupId, topic, position);
      }
      const { records, scannedTo } = this.journal.read(topic, position, maxBatchSize);
      if (records.length > 0) {
        const batch: ConsumedBatch = {
          topic: this.options.unprefix(topic),
          partition: 0,
          records: records.map((r) => ({
            topic: this.options.unprefix(r.topic),
            partition: 0,
            offset: String(r.offset),
            key: r.key,
            value: r.value,
            headers: r.headers,
            timestamp: r.timestamp,
          })),
        };
        try {
          await this.options.handleBatch(batch);
        } catch (error) {
          // Nothing committed: the same batch comes again after a pause, as with Kafka.
          this.lastError = error as Error;
          this.state = 'crashed';
          await this.pause(backoff);
          backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
          continue;
        }
        backoff = 250;
        this.state = 'running';
        this.lastError = null;
      }
      if (scannedTo > position) this.offsets.commitSoon(groupId, topic, scannedTo);
      if (records.length === 0) await this.pause(IDLE_POLL_MS);
      else if (records.length < maxBatchSize) await this.linger();
    }
  }

  /** Waits LINGER_MS whatever is appended meanwhile; only stop() cuts it short. */
  private linger(): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.stopWaiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, LINGER_MS);
      this.stopWaiters.add(done);
    });
  }

  private pause(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
    });
  }

  private wakeAll(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
