import { type ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { defaultCategorySql } from './default-category.sql';
import { RS, US } from './sql-separators';
import { DEFAULT_STAGES, EVALUATION_COLUMNS, stageEvaluationSql } from './stage-evaluation.sql';

const folded = (value: string) => `lower(trimBoth(${value}))`;

/** Forward-fills the latest value of one entry kind over the item's entries ('' before the first). */
const filled = (kind: string, extra = '') => `arrayFill(v -> v != '', arrayMap(x -> if(x.4 = '${kind}'${extra}, x.5, ''), es))`;
const lastOf = (kind: string) => `arrayLast(x -> x.4 = '${kind}', es).5`;
const reason = (name: string) => filled('blocked', ` AND startsWith(x.5, '${name}\\x1f')`);

/**
 * Layer A — each item's state after every event, independent of any workflow map, exactly as
 * the metrics oracle (@flowlens/metrics) folds it:
 * - entries occurred and received by `asOf`, duplicates collapsed, in source order
 *   (occurredAt, sequence, event id);
 * - status, board, archived flag and block reasons carried forward from their latest entries;
 *   an item seen without its creation starts, at its first event, in the `from` status of its
 *   first status change, else in the status of its first observation (observations never change
 *   the status of a known history);
 * - snapshots: the state at creation (after every event up to then), then after every later event;
 * - the board catalogue: each (board, status) the item was seen in, with when it was first seen.
 *
 * With them, the item's segments under the default stages (`def_*`, see stage-evaluation.sql).
 * The projector materialises it into item_snapshots for the present; point-in-time queries
 * compute it on the fly. Parameters: ws, asOf (Int64 ms: events occurred by then), knownAt (Int64 ms:
 * and received by then; asOf itself unless a caller looks back with hindsight). Columns match item_snapshots, in order.
 */
export function itemSnapshotsSql(store: ClickHouseStore, itemFilter = ''): string {
  return `
SELECT ${ITEM_SNAPSHOT_COLUMNS.join(', ')}
FROM (
SELECT *, ${stageEvaluationSql(DEFAULT_STAGES, 'def_')}
FROM (
SELECT
  {ws:String} AS workspace_id, item_id, entry_count, item_key, board_id, title, type, team, assignee_raw, deleted, created_at,
  snap_at, snap_status, snap_board, snap_archived, snap_blocked, cat_board, cat_status, cat_at, cat_n, risk_fields, estimate,
  arrayMap(p -> p[2], snap_parts) AS snap_def_stage,
  arrayMap(p -> ${defaultCategorySql('p[4]', 'p[3]', 'p[2]')}, snap_parts) AS snap_def_cat,
  arrayMap(p -> toUInt8(${folded('p[2]')} = 'blocked'), snap_parts) AS snap_name_blocked,
  arrayMap((p, b) -> if(p[1] = '', '', concat(b, ${RS}, p[1])), snap_parts, snap_board) AS snap_key_id,
  arrayMap((p, b) -> concat(b, ${RS}, ${folded('p[2]')}), snap_parts, snap_board) AS snap_key_name
FROM (
  -- Layered so that each derived array is a column of the level below, not an alias expanded (and
  -- analysed again) everywhere it is used: one level held them all, and planning the statement
  -- took ~190 ms whatever the number of items, for every snapshot refresh of every batch.
  SELECT *,
    arrayMap(i -> if(i = creation_index, created_at, es[i].1), snap_idx) AS snap_at,
    arrayMap(i -> f_status[i], snap_idx) AS snap_status,
    arrayMap(i -> f_board[i], snap_idx) AS snap_board,
    arrayMap(i -> toUInt8(f_archived[i] = '1'), snap_idx) AS snap_archived,
    arrayMap(i -> f_blocked[i], snap_idx) AS snap_blocked,
    arrayMap(i -> splitByChar(${US}, f_status[i]), snap_idx) AS snap_parts,
    arrayMap(i -> f_board[i], cat_idx) AS cat_board,
    arrayMap(i -> f_status[i], cat_idx) AS cat_status,
    arrayMap(i -> es[i].1, cat_idx) AS cat_at,
    arrayMap(i -> toUInt32(i), cat_idx) AS cat_n
  FROM (
    SELECT *,
      -- A state equal to the one before changes no figure (run starts and intervals stay the same).
      arrayFilter((i, k) -> k = 1 OR f_status[i] != f_status[state_idx[k - 1]] OR f_board[i] != f_board[state_idx[k - 1]]
          OR f_archived[i] != f_archived[state_idx[k - 1]] OR f_blocked[i] != f_blocked[state_idx[k - 1]],
        state_idx, arrayEnumerate(state_idx)) AS snap_idx,
      arrayFilter((i, u) -> u = 1, seen_idx, arrayEnumerateUniq(seen_key)) AS cat_idx
    FROM (
      SELECT *,
        arrayMap(i -> concat(f_board[i], ${US}, splitByChar(${US}, f_status[i])[1], ${US}, splitByChar(${US}, f_status[i])[2]), seen_idx) AS seen_key
      FROM (
        SELECT *,
          arrayFilter(i -> i = creation_index OR (group_end[i] AND es[i].1 > created_at), idx) AS state_idx,
          arrayFilter(i -> group_end[i] AND f_status[i] != '', idx) AS seen_idx
        FROM (
          SELECT *,
            arrayMap(v -> if(v = '', initial_status, v), ${filled('status')}) AS f_status,
            arrayLastIndex((g, x) -> g AND x.1 <= created_at, group_end, es) AS creation_index
          FROM (
            SELECT *,
              multiIf(has_created, '', first_from != '', first_from, first_status.5 != '', first_status.5, first_observed) AS initial_status
            FROM (
              SELECT *,
                if(has_created, arrayFirst(x -> x.4 = 'created', es).1, es[1].1) AS created_at,
                arrayFirst(x -> x.4 = 'status_from' AND x.1 = first_status.1 AND x.2 = first_status.2 AND x.3 = first_status.3, es).5 AS first_from
              FROM (
                SELECT
                  item_id, entry_count, es,
                  ${lastOf('key')} AS item_key,
                  ${lastOf('board')} AS board_id,
                  ${lastOf('title')} AS title,
                  ${lastOf('type')} AS type,
                  ${lastOf('team')} AS team,
                  ${lastOf('assignee')} AS assignee_raw,
                  toUInt8(${lastOf('deleted')} = '1') AS deleted,
                  arrayMap(x -> (x.1, x.4, x.5), arrayFilter(x -> x.4 IN ('due', 'parent', 'versions'), es)) AS risk_fields,
                  toFloat64OrNull(${lastOf('estimate')}) AS estimate,
                  arrayExists(x -> x.4 = 'created', es) AS has_created,
                  arrayFirst(x -> x.4 = 'status', es) AS first_status,
                  arrayFirst(x -> x.4 = 'observed', es).5 AS first_observed,
                  ${filled('board')} AS f_board,
                  ${filled('archived')} AS f_archived,
                  arrayMap((a, b, c) -> toUInt8(endsWith(a, '1') OR endsWith(b, '1') OR endsWith(c, '1')), ${reason('flag')}, ${reason('label')}, ${reason('external')}) AS f_blocked,
                  arrayEnumerate(es) AS idx,
                  arrayMap(i -> i = length(es) OR es[i + 1].1 != es[i].1 OR es[i + 1].2 != es[i].2 OR es[i + 1].3 != es[i].3, idx) AS group_end
                FROM (
                  SELECT
                    item_id,
                    toUInt32(length(groupUniqArrayArray(entries))) AS entry_count,
                    arrayDistinct(arrayMap(x -> (x.1, x.2, x.4, x.5, x.6),
                      arraySort(x -> (x.1, x.2, x.4),
                        arrayFilter(x -> x.1 <= {asOf:Int64} AND x.3 <= {knownAt:Int64}, groupUniqArrayArray(entries))))) AS es
                  FROM ${store.table(TABLES.itemTimelines)}
                  WHERE workspace_id = {ws:String} ${itemFilter}
                  GROUP BY item_id
                )
                WHERE length(es) > 0
              )
            )
          )
        )
      )
    )
  )
)
WHERE initial_status != '' OR has_created
))`;
}

/** item_snapshots' columns, as every INSERT … SELECT names them (so the table's column order never matters). */
export const ITEM_SNAPSHOT_COLUMNS = [
  'workspace_id', 'item_id', 'entry_count', 'item_key', 'board_id', 'title', 'type', 'team', 'assignee_raw', 'deleted', 'created_at',
  'snap_at', 'snap_status', 'snap_board', 'snap_archived', 'snap_blocked', 'cat_board', 'cat_status', 'cat_at', 'cat_n',
  'snap_def_stage', 'snap_def_cat', 'snap_name_blocked', 'snap_key_id', 'snap_key_name',
  ...EVALUATION_COLUMNS.map((c) => `def_${c}`),
  'risk_fields',
  'estimate',
] as const;

/** The materialised snapshots of the present (latest version per item). */
export function materialisedSnapshotsSql(store: ClickHouseStore): string {
  return `SELECT * FROM ${store.table(TABLES.itemSnapshots)} FINAL WHERE workspace_id = {ws:String}`;
}
