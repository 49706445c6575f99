import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { TOPIC_DEFINITIONS } from '@flowlens/contracts';
import { flowlensMetrics, GroupCommit } from '@flowlens/platform';
import { EventLog, type SubscribeOptions, type Subscription, type TopicAppend, type TopicProgress } from '../event-log.port';
import { EventLogUnavailableError } from '../event-log.errors';
import { Journal, type JournalRecord } from './journal';
import { OffsetStore } from './offset-store';
import { EmbeddedSubscription } from './embedded-subscription';

/**
 * The standalone log: a durable journal in the data dir with Kafka's semantics where the
 * projector can tell (atomic appends, committed group offsets, at-least-once redelivery).
 * Group commit: appends made while a write is in flight (or in the same turn of the event loop)
 * share the next write and its one fsync; each resolves only once that fsync has returned.
 */
export class EmbeddedEventLog extends EventLog {
  readonly kind = 'embedded' as const;
  private readonly journal: Journal;
  private readonly offsets: OffsetStore;
  private readonly appended = new EventEmitter();
  private readonly subscriptions = new Set<EmbeddedSubscription>();
  private readonly writes = new GroupCommit<JournalRecord[]>(
    async (batches) => {
      await this.journal.appendLines(batches);
      this.appended.emit('append');
    },
    { onFlush: (appends) => flowlensMetrics.observeAppendGroup(this.kind, appends) },
  );

  private constructor(
    journal: Journal,
    dir: string,
    private readonly topicPrefix: string,
    commitIntervalMs?: number,
  ) {
    super();
    this.journal = journal;
    this.offsets = new OffsetStore(join(dir, 'log', 'groups'), commitIntervalMs);
    this.appended.setMaxListeners(0);
  }

  /** Opens (and locks) the journal in `dir`; rejects when another process holds it. */
  static async open(dir: string, topicPrefix = '', options: { commitIntervalMs?: number } = {}): Promise<EmbeddedEventLog> {
    return new EmbeddedEventLog(await Journal.open(join(dir, 'log')), dir, topicPrefix, options.commitIntervalMs);
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
    if (this.closed) return Promise.reject(new EventLogUnavailableError('embedded log is closed'));
    return this.writes.add(records);
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
    await this.offsets.reset(groupId, topics.map((t) => this.topicPrefix + t));
  }

  async ping(): Promise<void> {
    if (this.closed) throw new EventLogUnavailableError('embedded log is closed');
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    await this.writes.idle();
    await this.offsets.flush();
    await this.journal.close();
  }
}
