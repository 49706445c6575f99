import type { MetricQueryContext } from './query-context';

/** The parameters every item-state based query binds. */
export function baseParams(ctx: MetricQueryContext): Record<string, unknown> {
  return {
    ws: ctx.workspaceId,
    asOf: ctx.asOf,
    stageMap: ctx.stages.lookup,
    blockedStages: ctx.stages.blockedStages,
    tz: ctx.timezone,
    from: ctx.from,
    to: ctx.to,
    boards: ctx.boardIds,
    types: ctx.types,
    teams: ctx.teams,
  };
}

/** Conditions shared by every flow figure: live, filtered items. */
export function itemFilterSql(ctx: MetricQueryContext): string {
  const conditions = ['NOT deleted', "category != ''"];
  if (ctx.boardIds.length) conditions.push('board_id IN {boards:Array(String)}');
  if (ctx.types.length) conditions.push('type IN {types:Array(String)}');
  if (ctx.teams.length) conditions.push('team IN {teams:Array(String)}');
  return conditions.join(' AND ');
}

/** Local date (workspace zone) of an epoch-ms column. */
export function localDateSql(msColumn: string): string {
  return `toDate(fromUnixTimestamp64Milli(${msColumn}), {tz:String})`;
}
