import { type ClickHouseStore } from '@flowlens/clickhouse';
import { defaultCategorySql } from './default-category.sql';
import { itemSnapshotsSql, materialisedSnapshotsSql } from '@flowlens/projections';
import { folded, part, RS, US } from './sql-fragments';

const STAGE_MAP = '{stageMap:Map(String, String)}';

export type SnapshotSource = 'present' | 'point-in-time';

/**
 * Layer B — the workflow maps applied at query time to each item's snapshots (so editing a map
 * changes every figure at once):
 * - each snapshot's status resolves through the map of the board in effect (saved map by status
 *   id, else by name, else the default stage named after the status);
 * - archived outside a done stage is the Removed stage; an item removed now is removed over its
 *   whole life;
 * - startedAt = first segment in active/wait/done; doneAt = start of the final run of done
 *   segments when the item is done now; blocked = a block reason or a blocked stage.
 *
 * `present` reads the materialised snapshots; `point-in-time` computes them from the timelines
 * as of `asOf`. Parameters: ws, asOf, stageMap, blockedStages.
 */
export function evaluatedItemsSql(store: ClickHouseStore, source: SnapshotSource, itemFilter = ''): string {
  const snapshots = source === 'present' ? `${materialisedSnapshotsSql(store)} ${itemFilter}` : itemSnapshotsSql(store, itemFilter);
  return `
SELECT
  item_id, item_key, board_id, title, type, team, assignee_raw, deleted, created_at,
  seg_at, seg_stage, seg_cat, seg_blocked, length(seg_at) AS seg_n,
  seg_stage[seg_n] AS stage, seg_cat[seg_n] AS category, seg_blocked[seg_n] AS blocked,
  ${part('snap_status[length(snap_status)]', 2)} AS status_name, started_at, done_at,
  snap_board, cat_board, cat_status, cat_at, cat_n
FROM (
  SELECT
    *,
    arrayMap(s -> splitByChar(${US}, s), snap_status) AS parts,
    arrayMap((p, b) -> if(p[1] != '' AND mapContains(${STAGE_MAP}, concat(b, ${RS}, p[1])), ${STAGE_MAP}[concat(b, ${RS}, p[1])], ${STAGE_MAP}[concat(b, ${RS}, ${folded('p[2]')})]),
      parts, snap_board) AS mapped,
    arrayMap((p, m, b) -> if(m != '',
        concat(m, ${US}, toString(toUInt8(has({blockedStages:Array(String)}, concat(b, ${US}, ${part('m', 1)})) OR ${folded('p[2]')} = 'blocked'))),
        concat(p[2], ${US}, ${defaultCategorySql('p[4]', 'p[3]', 'p[2]')}, ${US}, toString(toUInt8(${folded('p[2]')} = 'blocked')))),
      parts, mapped, snap_board) AS resolved,
    arrayMap((r, a) -> if(a = 1 AND ${part('r', 2)} NOT IN ('done', 'removed'), 'Removed${'\\x1f'}removed${'\\x1f'}0', r), resolved, snap_archived) AS states,
    arrayMap(r -> ${part('r', 2)}, states) AS all_cat,
    all_cat[length(all_cat)] = 'removed' AS removed_now,
    if(removed_now, [created_at], snap_at) AS seg_at,
    if(removed_now, ['Removed'], arrayMap(r -> ${part('r', 1)}, states)) AS seg_stage,
    if(removed_now, ['removed'], all_cat) AS seg_cat,
    if(removed_now, [toUInt8(0)], arrayMap((r, b) -> toUInt8(${part('r', 3)} = '1' OR b = 1), states, snap_blocked)) AS seg_blocked,
    arrayFirstIndex(c -> c IN ('active', 'wait', 'done'), seg_cat) AS start_index,
    if(start_index = 0, NULL, seg_at[start_index]) AS started_at,
    if(seg_cat[length(seg_cat)] = 'done', seg_at[arrayLastIndex(c -> c != 'done', seg_cat) + 1], NULL) AS done_at
  FROM (${snapshots})
)`;
}
