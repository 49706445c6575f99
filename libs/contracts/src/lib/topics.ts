/**
 * Log topic names. WARNING: these are persisted names — renaming one orphans every event already
 * in the log. Add a new versioned topic and migrate instead.
 */
export const TOPICS = {
  workItemEvents: 'flowlens.workitem-events.v1',
  rawWebhooks: 'flowlens.raw-webhooks.v1',
  deadLetters: 'flowlens.dlq.v1',
} as const;

export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

export interface TopicDefinition {
  readonly name: TopicName;
  readonly partitions: number;
  /** Human note on how records are keyed, so per-key order is understood. */
  readonly keyedBy: string;
}

/** The one definition topics are created from (Kafka admin, compose init job, embedded log). */
export const TOPIC_DEFINITIONS: readonly TopicDefinition[] = [
  { name: TOPICS.workItemEvents, partitions: 6, keyedBy: 'workspaceId:itemId (per-item order)' },
  { name: TOPICS.rawWebhooks, partitions: 3, keyedBy: 'workspaceId:connectorId' },
  { name: TOPICS.deadLetters, partitions: 1, keyedBy: 'workspaceId:connectorId' },
];

export function topicKey(workspaceId: string, id: string | null | undefined): string {
  return `${workspaceId}:${id ?? '-'}`;
}
