import { type ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { DEFAULT_STAGES, itemSnapshotsSql, materialisedSnapshotsSql, type ResolvedStages, stageEvaluationSql } from '@flowlens/projections';
import { US } from './sql-fragments';

export type SnapshotSource = 'present' | 'point-in-time';

const KEYS = '{mapKeys:Array(String)}';
const STAGES = '{mapStages:Array(String)}';
const CATEGORIES = '{mapCategories:Array(String)}';
/**
 * A saved map's entry for a snapshot: by status id first, else by name; '' when the map has none.
 * `transform` over parallel arrays (a hash lookup built once per block) rather than a Map
 * parameter: the same answer, about a third less time per query on the demo (docs/benchmarks.md).
 * Every key holds the board and a separator, so an empty id never matches.
 */
const lookup = (values: string) => `arrayMap((ki, kn) -> transform(ki, ${KEYS}, ${values}, transform(kn, ${KEYS}, ${values}, '')), snap_key_id, snap_key_name)`;

/** Stages resolved through the saved maps (by the board in effect), else the default stage. */
const MAPPED_STAGES: ResolvedStages = { stage: 'res_stage', category: 'res_cat', stageBlocked: 'res_stage_blocked' };
const MAPPED_RESOLUTION = `
    ${lookup(STAGES)} AS mapped_stage,
    arrayMap((m, d) -> if(m != '', m, d), mapped_stage, snap_def_stage) AS res_stage,
    arrayMap((m, d, mc) -> if(m != '', mc, d), mapped_stage, snap_def_cat, ${lookup(CATEGORIES)}) AS res_cat,
    arrayMap((m, b, nb) -> toUInt8(nb = 1 OR (m != '' AND has({blockedStages:Array(String)}, concat(b, ${US}, m)))), mapped_stage, snap_board, snap_name_blocked) AS res_stage_blocked,`;

const ITEM_COLUMNS = 'item_id, item_key, board_id, title, type, team, assignee_raw, deleted, created_at, risk_fields, estimate';
const CATALOGUE_COLUMNS = 'snap_board, cat_board, cat_status, cat_at, cat_n';
/** The evaluated item: its segments, its state now (the last segment), started and done. */
const evaluatedColumns = (p: string) => {
  // Names as item_snapshots stores them (so both branches of the present's UNION have one type).
  const names = (column: string) => `CAST(${p}${column} AS Array(LowCardinality(String))) AS ${column}`;
  return `
  ${ITEM_COLUMNS},
  ${p}seg_at AS seg_at, ${names('seg_stage')}, ${names('seg_cat')}, ${p}seg_blocked AS seg_blocked, ${names('seg_status')},
  length(seg_at) AS seg_n, seg_stage[seg_n] AS stage, seg_cat[seg_n] AS category, seg_blocked[seg_n] AS blocked, seg_status[seg_n] AS status_name,
  ${p}started_at AS started_at, ${p}done_at AS done_at,
  ${CATALOGUE_COLUMNS}`;
};

/**
 * Layer B — the workflow maps applied at query time to each item's snapshots (so editing a map
 * changes every figure at once): each snapshot's status resolves through the map of the board in
 * effect (saved map by status id, else by name), else its precomputed default stage; then the
 * snapshots fold into segments, startedAt and doneAt (see stage-evaluation.sql in projections).
 *
 * An item never on a board with a saved map has exactly its default evaluation, which the
 * projector stores: `present` reads it for those items and evaluates only the others (and rows
 * stored before the default evaluation was). `point-in-time` computes the snapshots from the
 * timelines as of `asOf`, with the default evaluation alongside.
 * Parameters: ws, asOf, mapKeys, mapStages, mapCategories, blockedStages, mappedBoards.
 */
export function evaluatedItemsSql(store: ClickHouseStore, source: SnapshotSource, itemFilter = '', withMaps = true): string {
  const stored = `SELECT ${evaluatedColumns('def_')} FROM (${snapshotsSql(store, source, itemFilter)})`;
  const evaluated = (where: string) => `
SELECT ${evaluatedColumns('ev_')}
FROM (
  SELECT *, ${withMaps ? MAPPED_RESOLUTION : ''} ${stageEvaluationSql(withMaps ? MAPPED_STAGES : DEFAULT_STAGES, 'ev_')}
  FROM (${snapshotsSql(store, source, itemFilter)}) ${where}
)`;
  if (source === 'point-in-time') return withMaps ? evaluated('') : stored;
  // Found without FINAL (a superset: any stored version qualifies), so that the evaluated branch
  // reads only those items' granules; usually none or few.
  const needsEvaluation = `empty(def_seg_at)${withMaps ? ' OR hasAny(snap_board, {mappedBoards:Array(String)})' : ''}`;
  const candidates = `SELECT item_id FROM ${store.table(TABLES.itemSnapshots)} WHERE workspace_id = {ws:String} AND (${needsEvaluation})`;
  return `${stored} WHERE NOT (${needsEvaluation}) UNION ALL ${evaluated(`WHERE item_id IN (${candidates}) AND (${needsEvaluation})`)}`;
}

function snapshotsSql(store: ClickHouseStore, source: SnapshotSource, itemFilter: string): string {
  return source === 'present' ? `${materialisedSnapshotsSql(store)} ${itemFilter}` : itemSnapshotsSql(store, itemFilter);
}
