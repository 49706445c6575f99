import { type ClickHouseStore } from '@flowlens/clickhouse';
import { itemSnapshotsSql, materialisedSnapshotsSql } from '@flowlens/projections';
import { US } from './sql-fragments';

export type SnapshotSource = 'present' | 'point-in-time';

const STAGES = '{stageMap:Map(String, String)}';
const CATEGORIES = '{categoryMap:Map(String, String)}';
/** A saved map's entry for a snapshot: by status id first, else by name; '' when the map has none. */
const lookup = (map: string) => `arrayMap((ki, kn) -> if(ki != '' AND mapContains(${map}, ki), ${map}[ki], ${map}[kn]), snap_key_id, snap_key_name)`;

/**
 * Layer B — the workflow maps applied at query time to each item's snapshots (so editing a map
 * changes every figure at once):
 * - each snapshot's status resolves through the map of the board in effect (saved map by status
 *   id, else by name), else its precomputed default stage;
 * - archived outside a done stage is the Removed stage; an item removed now is removed over its
 *   whole life;
 * - startedAt = first segment in active/wait/done; doneAt = start of the final run of done
 *   segments when the item is done now; blocked = a block reason or a blocked stage.
 *
 * `present` reads the materialised snapshots; `point-in-time` computes them from the timelines
 * as of `asOf`. Without any saved map the lookup is skipped altogether.
 * Parameters: ws, asOf, stageMap, categoryMap, blockedStages.
 */
export function evaluatedItemsSql(store: ClickHouseStore, source: SnapshotSource, itemFilter = '', withMaps = true): string {
  const snapshots = source === 'present' ? `${materialisedSnapshotsSql(store)} ${itemFilter}` : itemSnapshotsSql(store, itemFilter);
  const resolved = withMaps
    ? `${lookup(STAGES)} AS mapped_stage,
       arrayMap((m, d) -> if(m != '', m, d), mapped_stage, snap_def_stage) AS res_stage,
       arrayMap((m, d, mc) -> if(m != '', mc, d), mapped_stage, snap_def_cat, ${lookup(CATEGORIES)}) AS res_cat,
       arrayMap((m, b, nb) -> toUInt8(nb = 1 OR (m != '' AND has({blockedStages:Array(String)}, concat(b, ${US}, m)))), mapped_stage, snap_board, snap_name_blocked) AS res_stage_blocked,`
    : `snap_def_stage AS res_stage, snap_def_cat AS res_cat, snap_name_blocked AS res_stage_blocked,`;
  return `
SELECT
  item_id, item_key, board_id, title, type, team, assignee_raw, deleted, created_at,
  seg_at, seg_stage, seg_cat, seg_blocked, seg_status, length(seg_at) AS seg_n,
  seg_stage[seg_n] AS stage, seg_cat[seg_n] AS category, seg_blocked[seg_n] AS blocked,
  splitByChar(${US}, snap_status[length(snap_status)])[2] AS status_name, started_at, done_at,
  snap_board, cat_board, cat_status, cat_at, cat_n
FROM (
  SELECT
    *,
    ${resolved}
    arrayMap((a, c) -> a = 1 AND c NOT IN ('done', 'removed'), snap_archived, res_cat) AS out_of_play,
    arrayMap((o, s) -> if(o, 'Removed', s), out_of_play, res_stage) AS all_stage,
    arrayMap((o, c) -> if(o, 'removed', c), out_of_play, res_cat) AS all_cat,
    arrayMap((o, sb, b) -> toUInt8(b = 1 OR (NOT o AND sb = 1)), out_of_play, res_stage_blocked, snap_blocked) AS all_blocked,
    all_cat[length(all_cat)] = 'removed' AS removed_now,
    if(removed_now, [created_at], snap_at) AS seg_at,
    if(removed_now, ['Removed'], all_stage) AS seg_stage,
    if(removed_now, ['removed'], all_cat) AS seg_cat,
    if(removed_now, [all_blocked[length(all_blocked)]], all_blocked) AS seg_blocked,
    arrayMap(s -> splitByChar(${US}, s)[2], if(removed_now, [snap_status[length(snap_status)]], snap_status)) AS seg_status,
    arrayFirstIndex(c -> c IN ('active', 'wait', 'done'), seg_cat) AS start_index,
    if(start_index = 0, NULL, seg_at[start_index]) AS started_at,
    if(seg_cat[length(seg_cat)] = 'done', seg_at[arrayLastIndex(c -> c != 'done', seg_cat) + 1], NULL) AS done_at
  FROM (${snapshots})
)`;
}
