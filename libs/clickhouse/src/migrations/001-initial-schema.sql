-- Every table leads its ORDER BY with workspace_id. {db} is replaced with the configured database.

-- Webhook deliveries exactly as received, so normalisation can be re-run when a connector improves.
CREATE TABLE IF NOT EXISTS {db}.raw_webhooks (
  workspace_id String,
  connector_id String,
  source LowCardinality(String),
  delivery_id String,
  received_at DateTime64(3, 'UTC'),
  outcome LowCardinality(String),
  note String,
  event_ids Array(String),
  headers Map(String, String),
  body String CODEC(ZSTD(3))
) ENGINE = ReplacingMergeTree
ORDER BY (workspace_id, connector_id, delivery_id);

-- Every canonical event once: a re-delivered event (same event_id) collapses.
CREATE TABLE IF NOT EXISTS {db}.work_item_events (
  workspace_id String,
  event_id String,
  type LowCardinality(String),
  source LowCardinality(String),
  connector_id String,
  source_event_id String,
  board_id String,
  item_id String,
  item_key String,
  occurred_at DateTime64(3, 'UTC'),
  received_at DateTime64(3, 'UTC'),
  sequence UInt32,
  schema_version UInt8,
  payload String CODEC(ZSTD(3))
) ENGINE = ReplacingMergeTree
ORDER BY (workspace_id, item_id, event_id);

-- One compact timeline per work item: (occurredAt ms, sequence, receivedAt ms, event hash, kind, value).
-- Merging unions the entries, so duplicates collapse and order of arrival does not matter;
-- stage mapping and point-in-time filtering are applied to it at query time.
CREATE TABLE IF NOT EXISTS {db}.item_timelines (
  workspace_id String,
  item_id String,
  entries SimpleAggregateFunction(groupUniqArrayArray, Array(Tuple(at Int64, seq UInt32, recv Int64, id UInt64, kind String, val String)))
) ENGINE = AggregatingMergeTree
ORDER BY (workspace_id, item_id);

-- Deliveries that passed their schema but could not be normalised; re-drivable after a fix.
CREATE TABLE IF NOT EXISTS {db}.dead_letters (
  workspace_id String,
  delivery_id String,
  connector_id String,
  source LowCardinality(String),
  received_at DateTime64(3, 'UTC'),
  reason String,
  body String CODEC(ZSTD(3)),
  status LowCardinality(String),
  updated_at DateTime64(3, 'UTC')
) ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (workspace_id, delivery_id);
