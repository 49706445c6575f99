-- Each item's segments under the default stages (what Layer B computes for boards without a
-- saved workflow map), stored so that queries over those boards read them instead of computing
-- them. Rows written before this migration have empty arrays; queries evaluate those at query
-- time, so figures never depend on a refill (any new event for the item, or `rebuild`, fills them).
ALTER TABLE {db}.item_snapshots
  ADD COLUMN IF NOT EXISTS def_seg_at Array(Int64),
  ADD COLUMN IF NOT EXISTS def_seg_stage Array(LowCardinality(String)),
  ADD COLUMN IF NOT EXISTS def_seg_cat Array(LowCardinality(String)),
  ADD COLUMN IF NOT EXISTS def_seg_blocked Array(UInt8),
  ADD COLUMN IF NOT EXISTS def_seg_status Array(LowCardinality(String)),
  ADD COLUMN IF NOT EXISTS def_started_at Nullable(Int64),
  ADD COLUMN IF NOT EXISTS def_done_at Nullable(Int64);
