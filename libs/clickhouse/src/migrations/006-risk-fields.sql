-- The fields risk reads from an item's timeline (due date, parent, fix versions), each change as
-- (occurredAt ms, kind, value) in source order, so that risk queries read the snapshots instead of
-- aggregating every timeline. Rows written before this migration have an empty array until the
-- item gets an event or `rebuild` runs (fixVersions entries exist only since this change anyway).
ALTER TABLE {db}.item_snapshots
  ADD COLUMN IF NOT EXISTS risk_fields Array(Tuple(Int64, String, String));
