/**
 * ClickHouse table names. WARNING: persisted — renaming one needs a migration that renames the
 * table, never just an edit here.
 */
export const TABLES = {
  schemaMigrations: 'schema_migrations',
  rawWebhooks: 'raw_webhooks',
  workItemEvents: 'work_item_events',
  itemTimelines: 'item_timelines',
  deadLetters: 'dead_letters',
  itemSnapshots: 'item_snapshots',
} as const;

export type TableName = (typeof TABLES)[keyof typeof TABLES];
