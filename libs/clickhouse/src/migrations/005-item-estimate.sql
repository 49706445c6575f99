-- Each item's current estimate (story points, or whatever the connector maps to `estimate`), so
-- that the capacity figures can be given in estimate units as well as in items. Null when the item
-- has none. Rows written before this migration read null until the item gets an event or
-- `rebuild` runs.
ALTER TABLE {db}.item_snapshots
  ADD COLUMN IF NOT EXISTS estimate Nullable(Float64);
