import type { Admin, Kafka } from 'kafkajs';
import { TOPIC_DEFINITIONS } from '@flowlens/contracts';
import { EventLog, type SubscribeOptions, type Subscription, type TopicAppend, type TopicProgress } from '../event-log.port';
import { EventLogUnavailableError } from '../event-log.errors';
import { createKafkaClient } from './kafka-client.factory';
import type { KafkaEventLogOptions } from './kafka-options';
import { KafkaSubscription } from './kafka-subscription';
import { TransactionalAppender } from './transactional-appender';

export class KafkaEventLog extends EventLog {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly appender: TransactionalAppender;
  private readonly subscriptions = new Set<KafkaSubscription>();
  private admin: Admin | null = null;
  private topicsEnsured = false;
  private adminConnecting: Promise<Admin> | null = null;

  constructor(private readonly options: KafkaEventLogOptions) {
    super();
    this.kafka = createKafkaClient(options);
    this.appender = new TransactionalAppender(this.kafka, options.clientId, this.physical);
  }

  async ensureTopics(): Promise<void> {
    if (!this.options.createTopics || this.topicsEnsured) return;
    const admin = await this.connectedAdmin().catch((error: Error) => {
      throw new EventLogUnavailableError(`kafka unreachable: ${error.message}`, error);
    });
    const existing = new Set(await admin.listTopics());
    const missing = TOPIC_DEFINITIONS.filter((d) => !existing.has(this.physical(d.name)));
    if (missing.length > 0) await this.createTopics(admin, missing);
    this.topicsEnsured = true;
  }

  private async createTopics(admin: Admin, missing: typeof TOPIC_DEFINITIONS): Promise<void> {
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((d) => ({
        topic: this.physical(d.name),
        numPartitions: d.partitions,
        replicationFactor: this.options.replicationFactor,
        // The log is the source of truth: keep everything. Raw payloads can be large.
        configEntries: [
          { name: 'retention.ms', value: '-1' },
          { name: 'max.message.bytes', value: String(8 * 1024 * 1024) },
        ],
      })),
    });
  }

  async append(appends: readonly TopicAppend[]): Promise<void> {
    // A gateway that started while Kafka was down creates the topics once Kafka answers.
    if (!this.topicsEnsured) await this.ensureTopics();
    return this.appender.append(appends);
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    const subscription = new KafkaSubscription(this.kafka, { ...options, groupId: this.group(options.groupId) }, this.physical, this.logical);
    this.subscriptions.add(subscription);
    await subscription.start();
    return subscription;
  }

  async progress(groupId: string, topics: readonly string[]): Promise<TopicProgress[]> {
    const admin = await this.connectedAdmin();
    const committed = await admin.fetchOffsets({ groupId: this.group(groupId), topics: topics.map(this.physical) });
    return Promise.all(
      topics.map(async (topic) => {
        const ends = await admin.fetchTopicOffsets(this.physical(topic));
        const group = committed.find((c) => c.topic === this.physical(topic))?.partitions ?? [];
        let lag = 0;
        let total = 0;
        for (const p of ends) {
          const low = Number(p.low);
          const high = Number(p.high);
          const at = Number(group.find((g) => g.partition === p.partition)?.offset ?? -1);
          total += high - low;
          lag += high - (at < 0 ? low : Math.max(at, low));
        }
        return { topic, lag, total };
      }),
    );
  }

  async resetGroup(groupId: string, topics: readonly string[]): Promise<void> {
    const admin = await this.connectedAdmin();
    for (const topic of topics) await admin.resetOffsets({ groupId: this.group(groupId), topic: this.physical(topic), earliest: true });
  }

  async ping(): Promise<void> {
    try {
      const admin = await this.connectedAdmin();
      await admin.describeCluster();
    } catch (error) {
      throw new EventLogUnavailableError(`kafka unreachable: ${(error as Error).message}`, error);
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.stop().catch(() => undefined)));
    await this.appender.close();
    await this.admin?.disconnect().catch(() => undefined);
    this.admin = null;
  }

  private readonly physical = (topic: string): string => this.options.topicPrefix + topic;
  /** Group ids are cluster-wide like topics, so the prefix namespaces them too. */
  private readonly group = (groupId: string): string => this.options.topicPrefix + groupId;
  private readonly logical = (topic: string): string => topic.slice(this.options.topicPrefix.length);

  private async connectedAdmin(): Promise<Admin> {
    if (this.admin) return this.admin;
    if (!this.adminConnecting) {
      const admin = this.kafka.admin({ retry: { retries: 2, initialRetryTime: 200, maxRetryTime: 1000 } });
      this.adminConnecting = admin
        .connect()
        .then(() => (this.admin = admin))
        .finally(() => (this.adminConnecting = null));
    }
    return this.adminConnecting;
  }
}
