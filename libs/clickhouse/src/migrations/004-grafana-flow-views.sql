-- Flow views for Grafana (and any SQL tool): the present state of every item under the default
-- stages the projector stores (each status its own stage, categorised by the source's own status
-- category; see docs/grafana.md). Saved workflow maps live in PostgreSQL and are applied by the API
-- only, so a mapped board can differ from its API figures here. Days are UTC calendar days.

-- One row per current item (deleted ones left out), with its stage arrays and its flow type.
CREATE VIEW IF NOT EXISTS {db}.flow_item_base AS
SELECT
  workspace_id, item_id, item_key, board_id,
  if(type = '', '(none)', type) AS type,
  team,
  multiIf(
    lower(type) IN ('story', 'feature', 'improvement', 'task'), 'feature',
    lower(type) IN ('bug', 'defect', 'incident'), 'defect',
    lower(type) IN ('risk', 'security', 'vulnerability', 'compliance'), 'risk',
    lower(type) IN ('tech debt', 'debt', 'chore', 'refactor', 'maintenance'), 'debt',
    'other') AS flow_type,
  fromUnixTimestamp64Milli(created_at, 'UTC') AS created_at,
  if(isNull(def_started_at), NULL, fromUnixTimestamp64Milli(assumeNotNull(def_started_at), 'UTC')) AS started_at,
  if(isNull(def_done_at), NULL, fromUnixTimestamp64Milli(assumeNotNull(def_done_at), 'UTC')) AS done_at,
  def_seg_at, def_seg_stage, def_seg_cat, def_seg_blocked
FROM {db}.item_snapshots FINAL
WHERE deleted = 0 AND length(def_seg_at) > 0;

-- flow_items: one row per item with its current stage, category and dates.
CREATE VIEW IF NOT EXISTS {db}.flow_items AS
SELECT
  workspace_id, item_id, item_key, board_id, type, team, flow_type, created_at, started_at, done_at,
  def_seg_stage[length(def_seg_stage)] AS stage,
  def_seg_cat[length(def_seg_cat)] AS category,
  def_seg_blocked[length(def_seg_blocked)] = 1 AS blocked
FROM {db}.flow_item_base;

-- flow_segments: one row per stage spell of an item (left_at NULL for the current one).
CREATE VIEW IF NOT EXISTS {db}.flow_segments AS
SELECT
  workspace_id, item_id, item_key, board_id, type, flow_type, started_at, done_at,
  seg.1 AS stage, seg.2 AS category, seg.3 = 1 AS blocked,
  fromUnixTimestamp64Milli(seg.4, 'UTC') AS entered_at,
  if(seg.5 = 0, NULL, fromUnixTimestamp64Milli(seg.5, 'UTC')) AS left_at
FROM {db}.flow_item_base
ARRAY JOIN arrayZip(def_seg_stage, def_seg_cat, def_seg_blocked, def_seg_at, arrayPushBack(arraySlice(def_seg_at, 2), toInt64(0))) AS seg;

-- flow_throughput_daily: items done per UTC day (the day of doneAt), by board, type and flow type.
CREATE VIEW IF NOT EXISTS {db}.flow_throughput_daily AS
SELECT workspace_id, board_id, type, flow_type, toDate(done_at, 'UTC') AS day, count() AS items
FROM {db}.flow_items
WHERE category = 'done' AND done_at IS NOT NULL
GROUP BY workspace_id, board_id, type, flow_type, day;

-- flow_cycle_times: every done item with its cycle and lead time in days.
CREATE VIEW IF NOT EXISTS {db}.flow_cycle_times AS
SELECT
  workspace_id, board_id, type, flow_type, item_id, item_key, started_at, done_at, toDate(done_at, 'UTC') AS day,
  dateDiff('millisecond', started_at, done_at) / 86400000 AS cycle_time_days,
  dateDiff('millisecond', created_at, done_at) / 86400000 AS lead_time_days
FROM {db}.flow_items
WHERE category = 'done' AND done_at IS NOT NULL AND started_at IS NOT NULL;

-- flow_cfd_daily: items per stage at the end of each UTC day, from the item's creation day to today.
CREATE VIEW IF NOT EXISTS {db}.flow_cfd_daily AS
SELECT workspace_id, board_id, type, flow_type, stage, category, day, count() AS items
FROM (
  SELECT
    workspace_id, board_id, type, flow_type, stage, category,
    addDays(toDate('1970-01-01'), arrayJoin(range(
      toUInt32(toRelativeDayNum(toDate(entered_at, 'UTC'))),
      toUInt32(toRelativeDayNum(if(isNull(left_at), today(), toDate(assumeNotNull(left_at), 'UTC') - 1))) + 1))) AS day
  FROM {db}.flow_segments
  WHERE left_at IS NULL OR toDate(assumeNotNull(left_at), 'UTC') > toDate(entered_at, 'UTC')
)
GROUP BY workspace_id, board_id, type, flow_type, stage, category, day;

-- flow_wip_daily: items in an active or wait stage at the end of each UTC day.
CREATE VIEW IF NOT EXISTS {db}.flow_wip_daily AS
SELECT workspace_id, board_id, type, flow_type, day, sum(items) AS items
FROM {db}.flow_cfd_daily
WHERE category IN ('active', 'wait')
GROUP BY workspace_id, board_id, type, flow_type, day;

-- flow_aging: items in progress now, with their age in days since startedAt.
CREATE VIEW IF NOT EXISTS {db}.flow_aging AS
SELECT
  workspace_id, board_id, type, flow_type, item_id, item_key, stage, category, blocked, started_at,
  dateDiff('millisecond', started_at, now64(3, 'UTC')) / 86400000 AS age_days
FROM {db}.flow_items
WHERE category IN ('active', 'wait') AND started_at IS NOT NULL;

-- flow_efficiency: per done item, active and wait days between startedAt and doneAt (blocked time
-- inside an active stage counts as wait).
CREATE VIEW IF NOT EXISTS {db}.flow_efficiency AS
SELECT
  workspace_id, board_id, type, flow_type, item_id, item_key, done_at, toDate(done_at, 'UTC') AS day,
  sumIf(dateDiff('millisecond', entered_at, assumeNotNull(left_at)), category = 'active' AND NOT blocked) / 86400000 AS active_days,
  sumIf(dateDiff('millisecond', entered_at, assumeNotNull(left_at)), category = 'wait' OR (category = 'active' AND blocked)) / 86400000 AS wait_days
FROM {db}.flow_segments
WHERE done_at IS NOT NULL AND started_at IS NOT NULL AND left_at IS NOT NULL AND entered_at >= started_at AND assumeNotNull(left_at) <= done_at
GROUP BY workspace_id, board_id, type, flow_type, item_id, item_key, done_at, day;
