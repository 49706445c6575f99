import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { defaultCategorySql } from './default-stage.sql';

const US = `'\\x1f'`; // unit separator, between value parts
const RS = `'\\x1e'`; // record separator, between board and status in map keys

const part = (value: string, n: number) => `splitByChar(${US}, ${value})[${n}]`;
const lastOf = (kind: string) => `arrayLast(x -> x.4 = '${kind}', es).5`;

/** `stage US category` of a status entry value on the item's board: the saved map, else the default. */
function resolveSql(value: string): string {
  const id = part(value, 1);
  const name = part(value, 2);
  const byId = `concat(board_id, ${RS}, ${id})`;
  const byName = `concat(board_id, ${RS}, lower(${name}))`;
  const mapped = `if(${id} != '' AND mapContains({stageMap:Map(String, String)}, ${byId}), {stageMap:Map(String, String)}[${byId}], {stageMap:Map(String, String)}[${byName}])`;
  return `if(${mapped} != '', ${mapped}, concat(${name}, ${US}, ${defaultCategorySql(part(value, 4), part(value, 3), name)}))`;
}

/**
 * Per-item state derived at query time from the item timelines: only entries occurred and
 * received by `asOf`, duplicates collapsed, ordered by (occurredAt, sequence, event id), stages
 * resolved through the workflow maps. One row per item with at least one entry.
 *
 * Parameters: ws String, asOf Int64, stageMap Map(String, String), blockedStages Array(String).
 * `itemFilter` may narrow the scan with a condition on `item_id`.
 */
export function itemStateSql(store: ClickHouseStore, itemFilter = ''): string {
  return `
SELECT
  item_id,
  ${lastOf('board')} AS board_id,
  ${lastOf('key')} AS item_key,
  ${lastOf('title')} AS title,
  ${lastOf('type')} AS type,
  ${lastOf('team')} AS team,
  ${lastOf('assignee')} AS assignee_raw,
  ${lastOf('deleted')} = '1' AS deleted,
  ${lastOf('archived')} = '1' AS archived,
  arrayFirst(x -> x.4 = 'created', es).1 AS created_entry_at,
  if(created_entry_at = 0, es[1].1, created_entry_at) AS created_at,
  arrayFilter(x -> x.4 = 'status', es) AS status_entries,
  arrayMap(x -> x.1, status_entries) AS st_at,
  arrayMap(x -> ${resolveSql('x.5')}, status_entries) AS st_res,
  arrayMap(r -> ${part('r', 2)}, st_res) AS st_cat,
  arrayMap(r -> ${part('r', 1)}, st_res) AS st_stage,
  length(st_cat) AS st_n,
  if(st_n = 0, '', ${part('status_entries[st_n].5', 2)}) AS status,
  if(st_n = 0, '', st_cat[st_n]) AS last_category,
  if(archived AND last_category != 'done', 'removed', last_category) AS category,
  if(category = 'removed', 'Removed', if(st_n = 0, '', st_stage[st_n])) AS stage,
  arrayFirstIndex(c -> c IN ('active', 'wait', 'done'), st_cat) AS start_index,
  if(start_index = 0, NULL, st_at[start_index]) AS started_at,
  if(category = 'done', st_at[arrayLastIndex(c -> c != 'done', st_cat) + 1], NULL) AS done_at,
  arrayMap(r -> arrayLast(x -> x.4 = 'blocked' AND ${part('x.5', 1)} = r, es).5, ['flag', 'label', 'external']) AS block_flags,
  arrayExists(v -> endsWith(v, ${US} || '1'), block_flags)
    OR lower(stage) = 'blocked'
    OR has({blockedStages:Array(String)}, concat(board_id, ${US}, stage)) AS blocked
FROM (
  SELECT
    item_id,
    arrayDistinct(arrayMap(x -> (x.at, x.seq, x.id, x.kind, x.val),
      arraySort(x -> (x.at, x.seq, x.id),
        arrayFilter(x -> x.at <= {asOf:Int64} AND x.recv <= {asOf:Int64}, groupUniqArrayArray(entries))))) AS es
  FROM ${store.table(TABLES.itemTimelines)}
  WHERE workspace_id = {ws:String} ${itemFilter}
  GROUP BY item_id
)
WHERE length(es) > 0`;
}
