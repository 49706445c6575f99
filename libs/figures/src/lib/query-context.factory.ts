import { Injectable } from '@nestjs/common';
import type { z } from 'zod';
import type { Principal } from '@flowlens/auth';
import { type BoardScope, BoardScopeResolver } from '@flowlens/board-scope';
import { buildStageMapping, type MetricQueryContext } from '@flowlens/metric-queries';
import { addLocalDays } from '@flowlens/metrics';
import { WorkflowMapRepository, WorkspaceRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { localDateOf } from './local-date.util';
import { metricQuerySchema } from './metric-query.schema';

export const DEFAULT_WINDOW_DAYS = 90;
/** ClickHouse's date types span 1900..2299; a figure outside that range has nothing to count. */
const EARLIEST_DATE = '1900-01-01';
const LATEST_DATE = '2299-12-31';

/** Parses a metric request at the edge into the typed context every query runs with. */
@Injectable()
export class QueryContextFactory {
  constructor(
    private readonly workspaces: WorkspaceRepository,
    private readonly maps: WorkflowMapRepository,
    private readonly scopes: BoardScopeResolver,
  ) {}

  async create(principal: Principal, query: unknown, now = Date.now()): Promise<MetricQueryContext> {
    return (await this.createScoped(principal, query, now)).ctx;
  }

  /** The context and the teams and portfolios its teamId / portfolioId filters named. */
  async createScoped(principal: Principal, query: unknown, now = Date.now()): Promise<{ ctx: MetricQueryContext; scope: BoardScope }> {
    const parsed = parseOrThrow(metricQuerySchema, query);
    const workspace = await this.workspaces.findById(principal.workspaceId);
    if (!workspace) throw ApiError.notFound('the workspace of this API key no longer exists');
    const asOf = parsed.asOf ?? now;
    if (asOf > now) throw ApiError.badRequest('asOf must not be in the future', [{ path: 'asOf', message: 'future instant' }]);
    if (asOf < Date.parse(`${EARLIEST_DATE}T00:00:00Z`)) throw ApiError.badRequest(`asOf must not be before ${EARLIEST_DATE}`, [{ path: 'asOf', message: 'too early' }]);
    if (parsed.knownAt !== undefined && parsed.knownAt > now) throw ApiError.badRequest('knownAt must not be in the future', [{ path: 'knownAt', message: 'future instant' }]);
    const to = parsed.to ?? localDateOf(asOf, workspace.timezone);
    const from = parsed.from ?? addLocalDays(to, -(DEFAULT_WINDOW_DAYS - 1));
    if (from > to) throw ApiError.badRequest('from must not be after to', [{ path: 'from', message: `${from} is after ${to}` }]);
    if (from < EARLIEST_DATE || to > LATEST_DATE) {
      throw ApiError.badRequest(`dates must lie between ${EARLIEST_DATE} and ${LATEST_DATE}`, [{ path: from < EARLIEST_DATE ? 'from' : 'to', message: `${from}..${to} is outside` }]);
    }
    if (Date.parse(to) - Date.parse(from) > 3 * 366 * 86_400_000) throw ApiError.badRequest('the date range may span at most three years');
    const scope = await this.scopes.resolve(workspace.id, { boardIds: parsed.boardId, teamIds: parsed.teamId, portfolioIds: parsed.portfolioId });
    const maps = (await this.maps.latest(workspace.id)).map((m) => ({ boardId: m.boardId, stages: m.stages }));
    const ctx: MetricQueryContext = {
      workspaceId: workspace.id,
      timezone: workspace.timezone,
      asOf,
      pointInTime: parsed.asOf !== undefined,
      ...(parsed.asOf !== undefined && parsed.knownAt !== undefined ? { knownAt: parsed.knownAt } : {}),
      from,
      to,
      boardIds: scope.boardIds,
      types: parsed.type,
      teams: parsed.team,
      stages: buildStageMapping(maps),
      workflows: maps,
    };
    return { ctx, scope };
  }
}

export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  throw ApiError.badRequest(
    'the query is not valid',
    result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
    'invalid_query',
  );
}
