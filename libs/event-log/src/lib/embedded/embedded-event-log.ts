import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { TOPIC_DEFINITIONS } from '@flowlens/contracts';
import { EventLog, type SubscribeOptions, type Subscription, type TopicAppend, type TopicProgress } from '../event-log.port';
import { EventLogUnavailableError } from '../event-log.errors';
import { Journal, type JournalRecord } from './journal';
import { OffsetStore } from './offset-store';
import { EmbeddedSubscription } from './embedded-subscription';

/**
 * The standalone log: a durable journal in the data dir with Kafka's semantics where the
 * projector can tell (atomic appends, committed group offsets, at-least-once redelivery).
 * Concurrent appends made in the same tick share one write and one fsync.
 */
export class EmbeddedEventLog extends EventLog {
  readonly kind = 'embedded' as const;
  private readonly journal: Journal;
  private readonly offsets: OffsetStore;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<EmbeddedSubscription>();
  private queue: Array<{ records: JournalRecord[]; resolve: () => void; reject: (e: unknown) => void }> = [];
  private flushScheduled = false;

  constructor(
    dir: string,
    private readonly topicPrefix = '',
  ) {
    super();
    this.journal = Journal.open(join(dir, 'log'));
    this.offsets = new OffsetStore(join(dir, 'log', 'groups'));
    this.appended.setMaxListeners(0);
  }

  async ensureTopics(): Promise<void> {
    // Topics exist implicitly in the journal; nothing to create.
    void TOPIC_DEFINITIONS;
  }

  append(appends: readonly TopicAppend[]): Promise<void> {
    const records = appends.flatMap((a) =>
      a.records.map((r) => ({ topic: this.topicPrefix + a.topic, key: r.key, value: r.value, headers: r.headers ?? {} })),
    );
    if (records.length === 0) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ records, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscription = new EmbeddedSubscription(this.journal, this.offsets, this.appended, {
      ...options,
      topics: options.topics.map((t) => this.topicPrefix + t),
      unprefix: (topic) => topic.slice(this.topicPrefix.length),
    });
    this.subscriptions.add(subscription);
    subscription.start();
    return subscription;
  }

  async progress(groupId: string, topics: readonly string[]): Promise<TopicProgress[]> {
    return topics.map((topic) => {
      const physical = this.topicPrefix + topic;
      const committed = this.offsets.get(groupId, physical) ?? 0;
      return { topic, lag: this.journal.countFrom(physical, committed), total: this.journal.count(physical) };
    });
  }

  async resetGroup(groupId: string, topics: readonly string[]): Promise<void> {
    this.offsets.reset(groupId, topics.map((t) => this.topicPrefix + t));
  }

  async ping(): Promise<void> {
    if (this.closed) throw new EventLogUnavailableError('embedded log is closed');
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.flush();
    this.closed = true;
    this.journal.close();
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      if (this.closed) throw new EventLogUnavailableError('embedded log is closed');
      this.journal.appendLines(batch.map((b) => b.records));
      batch.forEach((b) => b.resolve());
      this.appended.emit('append');
    } catch (error) {
      batch.forEach((b) => b.reject(error));
    }
  }
}
