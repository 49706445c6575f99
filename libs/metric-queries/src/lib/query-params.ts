import { endOfLocalDay, startOfLocalDay } from '@flowlens/metrics';
import type { MetricQueryContext } from './query-context';

/** The parameters every evaluated-item query binds. */
export function baseParams(ctx: MetricQueryContext): Record<string, unknown> {
  return {
    ws: ctx.workspaceId,
    asOf: ctx.asOf,
    knownAt: ctx.knownAt ?? ctx.asOf,
    ...mapLookup(ctx),
    blockedStages: ctx.stages.blockedStages,
    mappedBoards: Object.keys(ctx.stages.orderedStages),
    tz: ctx.timezone,
    from: ctx.from,
    to: ctx.to,
    fromMs: startOfLocalDay(ctx.from, ctx.timezone),
    toEndMs: endOfLocalDay(ctx.to, ctx.timezone),
    boards: ctx.boardIds,
    types: ctx.types.map((t) => t.trim().toLowerCase()),
    teams: ctx.teams.map((t) => t.trim().toLowerCase()),
  };
}

/** The saved maps' status keys with their stage and category, as parallel arrays (see item-evaluation.sql). */
function mapLookup(ctx: MetricQueryContext): { mapKeys: string[]; mapStages: string[]; mapCategories: string[] } {
  const mapKeys = Object.keys(ctx.stages.stageOf);
  return {
    mapKeys,
    mapStages: mapKeys.map((key) => ctx.stages.stageOf[key] as string),
    mapCategories: mapKeys.map((key) => ctx.stages.categoryOf[key] ?? ''),
  };
}

/** Live items passing the filters (board exact, type and team ignoring case), as the oracle filters. */
export function itemFilterSql(ctx: MetricQueryContext): string {
  const conditions = ['NOT deleted'];
  if (ctx.boardIds.length) conditions.push('board_id IN {boards:Array(String)}');
  if (ctx.types.length) conditions.push('type != \'\' AND lower(trimBoth(type)) IN {types:Array(String)}');
  if (ctx.teams.length) conditions.push('team != \'\' AND lower(trimBoth(team)) IN {teams:Array(String)}');
  return conditions.join(' AND ');
}

/** Done within [from, to]: doneAt in [start of `from`, end of `to`) in the workspace zone. */
export const DONE_IN_WINDOW = 'done_at IS NOT NULL AND done_at >= {fromMs:Int64} AND done_at < {toEndMs:Int64}';
