import { US } from './sql-separators';

/** Per-snapshot SQL arrays giving each snapshot's stage, category and whether its stage counts as blocked. */
export interface ResolvedStages {
  readonly stage: string;
  readonly category: string;
  readonly stageBlocked: string;
}

/** The columns {@link stageEvaluationSql} defines (with its prefix). */
export const EVALUATION_COLUMNS = ['seg_at', 'seg_stage', 'seg_cat', 'seg_blocked', 'seg_status', 'started_at', 'done_at'] as const;

/**
 * Layer B's folding of an item's snapshots, once each snapshot's stage is resolved (by a saved
 * workflow map or by the default): a select-list, over a row of item_snapshots' columns, that
 * defines `${prefix}seg_*` (the item's segments), `${prefix}started_at` and `${prefix}done_at`:
 * - archived outside a done stage is the Removed stage; an item removed now is removed over its
 *   whole life (one segment from creation);
 * - startedAt = first segment in active/wait/done; doneAt = start of the final run of done
 *   segments when the item is done now; blocked = a block reason or a blocked stage.
 *
 * The projector stores it under the default stages (prefix `def_`) so that queries over boards
 * without a saved map read it instead of computing it; queries apply it to mapped stages.
 */
export function stageEvaluationSql(resolved: ResolvedStages, prefix = ''): string {
  const p = prefix;
  return `
    arrayMap((a, c) -> a = 1 AND c NOT IN ('done', 'removed'), snap_archived, ${resolved.category}) AS ${p}out_of_play,
    arrayMap((o, c) -> if(o, 'removed', c), ${p}out_of_play, ${resolved.category}) AS ${p}all_cat,
    ${p}all_cat[length(${p}all_cat)] = 'removed' AS ${p}removed_now,
    if(${p}removed_now, [created_at], snap_at) AS ${p}seg_at,
    if(${p}removed_now, ['Removed'], arrayMap((o, s) -> if(o, 'Removed', s), ${p}out_of_play, ${resolved.stage})) AS ${p}seg_stage,
    if(${p}removed_now, ['removed'], ${p}all_cat) AS ${p}seg_cat,
    arrayMap((o, sb, b) -> toUInt8(b = 1 OR (NOT o AND sb = 1)), ${p}out_of_play, ${resolved.stageBlocked}, snap_blocked) AS ${p}all_blocked,
    if(${p}removed_now, [${p}all_blocked[length(${p}all_blocked)]], ${p}all_blocked) AS ${p}seg_blocked,
    arrayMap(s -> splitByChar(${US}, s)[2], if(${p}removed_now, [snap_status[length(snap_status)]], snap_status)) AS ${p}seg_status,
    arrayFirstIndex(c -> c IN ('active', 'wait', 'done'), ${p}seg_cat) AS ${p}start_index,
    if(${p}start_index = 0, NULL, ${p}seg_at[${p}start_index]) AS ${p}started_at,
    if(${p}seg_cat[length(${p}seg_cat)] = 'done', ${p}seg_at[arrayLastIndex(c -> c != 'done', ${p}seg_cat) + 1], NULL) AS ${p}done_at`;
}

/** Each snapshot's default stage (named after its status), default category, and blocked by name. */
export const DEFAULT_STAGES: ResolvedStages = { stage: 'snap_def_stage', category: 'snap_def_cat', stageBlocked: 'snap_name_blocked' };
