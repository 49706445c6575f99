export interface LogRecord {
  readonly key: string;
  readonly value: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Records for one topic; topic names are the logical ones from @flowlens/contracts. */
export interface TopicAppend {
  readonly topic: string;
  readonly records: readonly LogRecord[];
}

export interface ConsumedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly value: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Append time in epoch ms. */
  readonly timestamp: number;
}

export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly ConsumedRecord[];
}

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts. */
  readonly fromBeginning: boolean;
  readonly maxBatchSize?: number;
  /**
   * Called with each batch; offsets are committed only after it resolves. If it rejects, nothing
   * is committed and the batch is delivered again (at-least-once).
   */
  readonly handleBatch: (batch: ConsumedBatch) => Promise<void>;
}

export type SubscriptionState = 'starting' | 'running' | 'stopped' | 'crashed';

export interface Subscription {
  readonly state: SubscriptionState;
  /** The last error that crashed the consumer, if any. */
  readonly lastError: Error | null;
  /** Stops fetching, lets the in-flight batch finish and commit, then resolves. */
  stop(): Promise<void>;
}

/**
 * Measured in offsets. On Kafka, transactions leave commit markers that take offsets too, so
 * `total` is an upper bound of the records; `lag` reaches 0 exactly when the group is caught up.
 */
export interface TopicProgress {
  readonly topic: string;
  /** Offsets still to be consumed by the group (end offset - committed offset, summed). */
  readonly lag: number;
  /** Offsets in the topic (end - start offsets, summed). */
  readonly total: number;
}

/**
 * The append-only log every accepted event goes to. Two adapters: Kafka (production) and an
 * embedded durable journal (standalone). Callers never know which one they talk to.
 */
export abstract class EventLog {
  abstract readonly kind: 'kafka' | 'embedded';
  /** Creates the topics from their one definition (idempotent). */
  abstract ensureTopics(): Promise<void>;
  /**
   * Appends atomically across all topics: when it resolves every record is durable; when it
   * rejects none of them will ever be visible to consumers.
   */
  abstract append(appends: readonly TopicAppend[]): Promise<void>;
  abstract subscribe(options: SubscribeOptions): Promise<Subscription>;
  /** Consumer-group progress, for readiness, lag metrics and progress bars. */
  abstract progress(groupId: string, topics: readonly string[]): Promise<TopicProgress[]>;
  /** Moves a group back to the start of the topics (for rebuilds). The group must be idle. */
  abstract resetGroup(groupId: string, topics: readonly string[]): Promise<void>;
  /** Resolves when the log answers; rejects with EventLogUnavailableError otherwise. */
  abstract ping(): Promise<void>;
  abstract close(): Promise<void>;
}
