import { Injectable } from '@nestjs/common';
import type { Principal } from '@flowlens/auth';
import { portfolioBoards } from '@flowlens/board-scope';
import { splitByShare } from '@flowlens/capacity';
import { CapacityQuery, type ForecastOptions, ForecastQuery, type MetricQueryContext, MonteCarloPool } from '@flowlens/metric-queries';
import { forecastDates, localDateOf } from '@flowlens/metrics';
import { ApiError } from '@flowlens/platform';
import { QueryContextFactory } from '@flowlens/figures';

type Q = Record<string, unknown>;

/** A part of a portfolio forecast: one team's boards, or the portfolio's boards no team of it owns. */
interface Part {
  readonly id: string;
  readonly teamId: string | null;
  readonly ctx: MetricQueryContext;
}

/**
 * Portfolio Monte Carlo (docs/capacity.md): every team runs on its own throughput history and
 * the trials combine — summed for how-many; for when, N is split by each team's share of the
 * remaining items (or given per team) and a trial lasts as long as its slowest team.
 */
@Injectable()
export class PortfolioForecastService {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly forecasts: ForecastQuery,
    private readonly capacity: CapacityQuery,
    private readonly monteCarlo: MonteCarloPool,
  ) {}

  async howMany(p: Principal, q: Q, by: string, days: number, options: ForecastOptions) {
    const { ctx, parts } = await this.parts(p, q);
    const histories = await Promise.all(parts.map(async (part) => ({ part, ...(await this.forecasts.history(part.ctx, options.window)) })));
    const result = await this.monteCarlo.portfolioHowMany({ teams: histories.map((h) => ({ id: h.part.id, history: h.history })), days, trials: options.trials, seed: options.seed });
    return { asOf: localDateOf(ctx.asOf, ctx.timezone), by, days, trials: result.trials, p50: result.p50, p85: result.p85, p95: result.p95, historyDays: options.window, teams: histories.map((h) => ({ teamId: h.part.teamId, boardIds: h.part.ctx.boardIds })) };
  }

  async when(p: Principal, q: Q, items: number, given: ReadonlyMap<string, number> | null, options: ForecastOptions) {
    const { ctx, parts } = await this.parts(p, q);
    const shares = given ? this.givenShares(parts, items, given) : await this.remainingShares(ctx, parts, items);
    const histories = await Promise.all(parts.map(async (part) => (await this.forecasts.history(part.ctx, options.window)).history));
    const asOfDate = localDateOf(ctx.asOf, ctx.timezone);
    const teams = parts.map((part, i) => ({ id: part.teamId === null ? 'the boards outside its teams' : `team ${part.id}`, history: histories[i] as number[], items: shares[i] as number }));
    const result = await this.monteCarlo.portfolioWhen({ teams, trials: options.trials, seed: options.seed });
    return {
      asOf: asOfDate,
      items,
      trials: result.trials,
      capped: result.capped,
      split: given ? 'given' : 'remaining',
      days: { p50: result.p50, p85: result.p85, p95: result.p95 },
      ...forecastDates(asOfDate, result),
      teams: parts.map((part, i) => ({ teamId: part.teamId, boardIds: part.ctx.boardIds, items: shares[i] })),
    };
  }

  /** The portfolio's parts, each with the request's other filters. */
  private async parts(p: Principal, q: Q): Promise<{ ctx: MetricQueryContext; parts: Part[] }> {
    const { ctx, scope } = await this.contexts.createScoped(p, q);
    const portfolio = scope.portfolios[0];
    if (!portfolio || scope.portfolios.length > 1) throw ApiError.badRequest('a portfolio forecast takes one portfolioId', [{ path: 'portfolioId', message: 'give one' }], 'invalid_query');
    const inScope = new Set(ctx.boardIds);
    const teams = scope.teams.filter((t) => portfolio.teamIds.includes(t.id));
    const owned = new Set(teams.flatMap((t) => t.boardIds));
    const groups = [
      ...teams.map((t) => ({ id: t.name, teamId: t.id, boards: t.boardIds })),
      { id: 'boards', teamId: null, boards: portfolioBoards(portfolio, teams).filter((b) => !owned.has(b)) },
    ];
    const parts = groups
      .map((g) => ({ id: g.id, teamId: g.teamId, ctx: { ...ctx, boardIds: g.boards.filter((b) => inScope.has(b)).sort() } }))
      .filter((part) => part.ctx.boardIds.length > 0);
    if (parts.length === 0) throw ApiError.unprocessable('the portfolio has no boards matching the filters, so there is no history to forecast from', 'forecast_impossible');
    return { ctx, parts };
  }

  private givenShares(parts: readonly Part[], items: number, given: ReadonlyMap<string, number>): number[] {
    const unknown = [...given.keys()].filter((id) => !parts.some((part) => part.teamId === id));
    if (unknown.length) throw ApiError.badRequest('teamItems names teams outside the portfolio (or without boards in the filters)', unknown.map((id) => ({ path: 'teamItems', message: id })), 'invalid_query');
    const total = [...given.values()].reduce((a, b) => a + b, 0);
    if (total !== items) throw ApiError.badRequest(`teamItems add up to ${total}, not items = ${items}`, [{ path: 'teamItems', message: 'must add up to items' }], 'invalid_query');
    return parts.map((part) => (part.teamId === null ? 0 : (given.get(part.teamId) ?? 0)));
  }

  private async remainingShares(ctx: MetricQueryContext, parts: readonly Part[], items: number): Promise<number[]> {
    const remaining = await this.capacity.remainingByBoard(ctx);
    return splitByShare(items, parts.map((part) => part.ctx.boardIds.reduce((sum, b) => sum + (remaining.get(b) ?? 0), 0)));
  }
}
