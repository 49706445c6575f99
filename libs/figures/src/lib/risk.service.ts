import { Injectable } from '@nestjs/common';
import type { Principal } from '@flowlens/auth';
import { bucketStarts, MonteCarloPool, RiskInputQuery, type MetricQueryContext } from '@flowlens/metric-queries';
import {
  addLocalDays,
  concentrationOf,
  computeDependencies,
  computeItemRisks,
  forEachItemWithSignals,
  type SignalledItem,
  computeQuality,
  computeQualityByPeriod,
  endOfLocalDay,
  groupBy,
  isInProgress,
  isWorkItem,
  localDateOf,
  memoOnInput,
  planDeliveries,
  type EpicForecast,
  type ReleaseForecast,
  rollUp,
  startOfLocalDay,
  type RiskInput,
} from '@flowlens/metrics';
import { parseOrThrow, QueryContextFactory } from './query-context.factory';
import { deliveryQuerySchema, qualityQuerySchema, riskQuerySchema, summaryQuerySchema, type RiskQuery } from './risk-query.schema';
import { RiskScopeService, type RiskScope } from './risk-scope.service';

type Q = Record<string, unknown>;

/** One risk request, evaluated: its context, scope and the loaded input. */
export interface RiskEvaluation {
  readonly ctx: MetricQueryContext;
  readonly scope: RiskScope;
  readonly query: RiskQuery;
  readonly input: RiskInput;
  readonly fromMs: number;
  readonly toEndMs: number;
}

/** Parses a risk request, resolves its scope and loads the risk input at `asOf`. */
@Injectable()
export class RiskService {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly scopes: RiskScopeService,
    private readonly inputs: RiskInputQuery,
    private readonly monteCarlo: MonteCarloPool,
  ) {}

  async evaluate(p: Principal, q: Q, options: { window?: number } = {}): Promise<RiskEvaluation> {
    const query = parseOrThrow(riskQuerySchema, q);
    const { from, to, boardId, asOf, knownAt } = q;
    const ctx = await this.contexts.create(p, { from, to, boardId, asOf, knownAt });
    const scope = await this.scopes.resolve(ctx.workspaceId, ctx.boardIds, query.teamId, query.portfolioId);
    const fromMs = startOfLocalDay(ctx.from, ctx.timezone);
    const toEndMs = Math.min(endOfLocalDay(ctx.to, ctx.timezone), ctx.asOf + 1);
    const days = Math.max(query.sleWindow, options.window ?? 90) + 1;
    const horizon = Math.min(fromMs, startOfLocalDay(addLocalDays(localDateOf(ctx.asOf, ctx.timezone), -days), ctx.timezone));
    const input = await this.inputs.run(ctx, horizon, scope.teamOfBoard);
    return { ctx, scope, query, input, fromMs, toEndMs };
  }

  /**
   * The same evaluation narrowed to a board, team or portfolio: the input (always the whole
   * workspace's) and the instant are shared, only the scope is resolved again (unknown ids are
   * 404). Many scopes read at one instant (an alert cycle) then load and prepare one input.
   */
  async narrow(e: RiskEvaluation, filter: { readonly boardId?: string; readonly teamId?: string; readonly portfolioId?: string }): Promise<RiskEvaluation> {
    const list = (id: string | undefined) => (id === undefined ? [] : [id]);
    const scope = await this.scopes.resolve(e.ctx.workspaceId, list(filter.boardId), list(filter.teamId), list(filter.portfolioId));
    return { ...e, scope, query: { ...e.query, teamId: list(filter.teamId), portfolioId: list(filter.portfolioId) } };
  }

  items(e: RiskEvaluation, boardIds: readonly string[] = e.scope.boardIds) {
    const result = computeItemRisks(e.input, { boardIds, threshold: e.query.threshold, sleWindow: e.query.sleWindow });
    return { asOf: iso(e.ctx.asOf), ...result };
  }

  /** The items of the boards with a signal, as bits and without figures (the register's reading of them). */
  forEachItemWithSignals(e: RiskEvaluation, visit: (signalled: SignalledItem) => void, boardIds: readonly string[] = e.scope.boardIds): void {
    forEachItemWithSignals(e.input, { boardIds, threshold: e.query.threshold, sleWindow: e.query.sleWindow }, visit);
  }

  /**
   * The releases and epics touching the boards, planned here (one pass over the input) and
   * forecast on the worker pool: one Monte Carlo per release and per epic must not hold the event
   * loop, and the worker receives their counts and histories rather than the whole input. A
   * forecast is made once per input (same trials, seed, window and threshold): the scopes of one
   * evaluation that share a release or an epic (a board, its team, their portfolio) share its run.
   */
  async deliveries(e: RiskEvaluation, q: Q, boardIds: readonly string[] = e.scope.boardIds) {
    const options = { ...parseOrThrow(deliveryQuerySchema, q), boardIds: [...boardIds], threshold: e.query.threshold };
    const plan = planDeliveries(e.input, options);
    const made = memoOnInput(e.input, `forecasts\u0000${options.trials}\u0000${options.seed}\u0000${options.window}\u0000${options.threshold}`, () => new Map<string, Promise<unknown>>());
    const releaseKey = (r: { releaseId: string }) => `release\u0000${r.releaseId}`;
    const epicKey = (x: { epicKey: string }) => `epic\u0000${x.epicKey}`;
    const releases = plan.releases.filter((r) => !made.has(releaseKey(r)));
    const epics = plan.epics.filter((x) => !made.has(epicKey(x)));
    if (releases.length || epics.length) {
      const run = this.monteCarlo.deliveries({ ...plan, releases, epics });
      run.catch(() => [...releases.map(releaseKey), ...epics.map(epicKey)].forEach((key) => made.delete(key)));
      releases.forEach((r, i) => made.set(releaseKey(r), run.then((f) => f.releases[i])));
      epics.forEach((x, i) => made.set(epicKey(x), run.then((f) => f.epics[i])));
    }
    return {
      releases: (await Promise.all(plan.releases.map((r) => made.get(releaseKey(r))))) as ReleaseForecast[],
      epics: (await Promise.all(plan.epics.map((x) => made.get(epicKey(x))))) as EpicForecast[],
      options,
    };
  }

  dependencies(e: RiskEvaluation) {
    return { asOf: iso(e.ctx.asOf), items: computeDependencies(e.input, e.scope.boardIds) };
  }

  concentration(e: RiskEvaluation, boardIds: readonly string[] = e.scope.boardIds) {
    return { from: e.ctx.from, to: e.ctx.to, items: concentrationOf(e.input, boardIds, e.fromMs, e.toEndMs) };
  }

  /** The window's quality figures; with `interval=week` also each local week's (the first and last clipped to the window). */
  quality(e: RiskEvaluation, q: Q = {}) {
    const { interval } = parseOrThrow(qualityQuerySchema, { interval: q['interval'] });
    const total = { from: e.ctx.from, to: e.ctx.to, ...computeQuality(e.input.items, e.scope.boardIds, e.fromMs, e.toEndMs) };
    if (interval === undefined) return total;
    const weeks = bucketStarts(e.ctx.from, e.ctx.to, 'week').map((monday) => {
      const sunday = addLocalDays(monday, 6);
      return { from: monday < e.ctx.from ? e.ctx.from : monday, to: sunday < e.ctx.to ? sunday : e.ctx.to };
    });
    const periods = weeks.map(({ from, to }) => {
      const fromMs = startOfLocalDay(from, e.ctx.timezone);
      return { fromMs, toEndMs: Math.max(fromMs, Math.min(endOfLocalDay(to, e.ctx.timezone), e.toEndMs)) };
    });
    const series = computeQualityByPeriod(e.input.items, e.scope.boardIds, periods).map((figures, i) => ({ ...(weeks[i] as (typeof weeks)[number]), ...figures }));
    return { ...total, interval, series };
  }

  async summary(e: RiskEvaluation, q: Q) {
    const { by } = parseOrThrow(summaryQuerySchema, { by: q['by'] });
    const items = computeItemRisks(e.input, { boardIds: [], threshold: e.query.threshold, sleWindow: e.query.sleWindow });
    const { releases, epics } = await this.deliveries(e, q, []);
    const dependencies = computeDependencies(e.input, []);
    const concentration = concentrationOf(e.input, [], e.fromMs, e.toEndMs);
    const subjects = this.subjects(e, by);
    const wip = memoOnInput(e.input, 'wip-by-board', () => countBy(e.input.items.filter((item) => isWorkItem(item) && isInProgress(item) && item.startedAt !== null)));
    // Each subject reads its boards' slices (a board's lists are summed into its team and portfolio).
    const itemsOf = groupBy(items.items, byBoard);
    const dependenciesOf = groupBy(dependencies, byBoard);
    const concentrationByBoard = groupBy(concentration, byBoard);
    const deliveries = [...releases, ...epics];
    return {
      asOf: iso(e.ctx.asOf),
      by,
      items: subjects.map((subject) => {
        const boards = [...new Set(subject.boardIds)];
        const slice = <T>(of: ReadonlyMap<string, T[]>) => boards.flatMap((board) => of.get(board) ?? []);
        const inProgress = boards.reduce((sum, board) => sum + (wip.get(board) ?? 0), 0);
        const roll = rollUp(boards, { items: slice(itemsOf), inProgress, deliveries, dependencies: slice(dependenciesOf), concentration: slice(concentrationByBoard) });
        return { id: subject.id, name: subject.name, ...roll };
      }),
    };
  }

  private subjects(e: RiskEvaluation, by: 'board' | 'team' | 'portfolio') {
    if (by === 'team') return e.scope.teams.map((t) => ({ ...t, boardIds: [...t.boardIds] }));
    if (by === 'portfolio') return e.scope.portfolios.map((t) => ({ ...t, boardIds: [...t.boardIds] }));
    const boards = e.scope.boardIds.length ? [...e.scope.boardIds] : memoOnInput(e.input, 'boards', () => [...new Set(e.input.items.map((item) => item.boardId))].sort());
    return boards.map((board) => ({ id: board, name: board, boardIds: [board] }));
  }
}

const byBoard = (row: { readonly boardId: string }) => row.boardId;

function countBy(rows: ReadonlyArray<{ readonly boardId: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const row of rows) out.set(row.boardId, (out.get(row.boardId) ?? 0) + 1);
  return out;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
