-- Each item's state after every event (status, board, archived, blocked), as the query-time
-- stage mapping needs it; recomputed from the item's timeline whenever the item gets events.
-- Versioned by the number of timeline entries, which only ever grows.
CREATE TABLE IF NOT EXISTS {db}.item_snapshots (
  workspace_id String,
  item_id String,
  entry_count UInt32,
  item_key String,
  board_id String,
  title String,
  type String,
  team String,
  assignee_raw String,
  deleted UInt8,
  created_at Int64,
  snap_at Array(Int64),
  snap_status Array(String),
  snap_board Array(String),
  snap_archived Array(UInt8),
  snap_blocked Array(UInt8),
  cat_board Array(String),
  cat_status Array(String),
  cat_at Array(Int64),
  cat_n Array(UInt32),
  -- Mapping-independent parts of stage resolution, so query-time mapping is a lookup: the default
  -- stage (named after the status), its default category, whether the status is named blocked,
  -- and the keys a saved map is looked up by (board + status id, board + folded name).
  snap_def_stage Array(String),
  snap_def_cat Array(LowCardinality(String)),
  snap_name_blocked Array(UInt8),
  snap_key_id Array(String),
  snap_key_name Array(String)
) ENGINE = ReplacingMergeTree(entry_count)
ORDER BY (workspace_id, item_id);
