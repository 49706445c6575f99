import { Injectable } from '@nestjs/common';
import type { Principal } from '@flowlens/auth';
import { allocationOf, capacityBuckets, capacityFigures, costPerItem, dailyCapacity, estimateFigures, sumCosts, type TeamCalendar, teamCost, type TypeShares } from '@flowlens/capacity';
import { type ActiveTimeRow, CapacityQuery, datesBetween, type MetricQueryContext, StageOccupancyQuery } from '@flowlens/metric-queries';
import { type FlowType, flowTypeFor, MS_PER_DAY } from '@flowlens/metrics';
import type { TeamEntity } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { z } from 'zod';
import { list } from '../metric-query.schema';
import { parseOrThrow, QueryContextFactory } from '../query-context.factory';

type Q = Record<string, unknown>;
const capacityQuerySchema = z.object({ interval: z.enum(['day', 'week']).default('week'), teamId: list, portfolioId: list });

/** A capacity request: its context, whose figures (a team or a portfolio), and the teams whose calendars count. */
interface CapacityScope {
  readonly ctx: MetricQueryContext;
  readonly interval: 'day' | 'week';
  readonly subject: { teamId: string } | { portfolioId: string };
  readonly teams: TeamEntity[];
  /** The team's target mix; null for a portfolio. */
  readonly target: TypeShares | null;
  readonly dates: string[];
}

/** Capacity, allocation and flow cost of a team or portfolio (metrics.md "Capacity"). */
@Injectable()
export class CapacityService {
  constructor(
    private readonly contexts: QueryContextFactory,
    private readonly capacity: CapacityQuery,
    private readonly occupancy: StageOccupancyQuery,
  ) {}

  async figures(p: Principal, q: Q) {
    const s = await this.scope(p, q);
    const [counts, wip] = await Promise.all([this.capacity.flowCounts(s.ctx), this.occupancy.wip(s.ctx)]);
    const capacity = this.dailyCapacity(s.teams, s.dates);
    const figures = capacityFigures({ ...counts, capacity, wip: wip.map((d) => d.wip) }, s.interval);
    const estimate = counts.estimate && estimateFigures(counts.dates, capacity, counts.estimate, s.interval);
    return { ...s.subject, from: s.ctx.from, to: s.ctx.to, interval: s.interval, ...figures, estimate };
  }

  async allocation(p: Principal, q: Q) {
    const s = await this.scope(p, q);
    const allocation = allocationOf(activeDaysByType(await this.capacity.activeTime(s.ctx)), s.target);
    return { ...s.subject, from: s.ctx.from, to: s.ctx.to, ...allocation };
  }

  /** A team's cost needs its rate; a portfolio's needs every team's rate, in one currency (else 422). */
  async cost(p: Principal, q: Q) {
    const s = await this.scope(p, q);
    const currency = currencyOf(s.teams, 'teamId' in s.subject);
    const [active, counts] = await Promise.all([this.capacity.activeTime(s.ctx), this.capacity.flowCounts(s.ctx)]);
    const costs = s.teams.map((team) => {
      const boards = new Set(team.boardIds);
      const shares = allocationOf(activeDaysByType(active.filter((r) => boards.has(r.boardId))), null).byType;
      return teamCost(capacityBuckets(s.dates, this.dailyCapacity([team], s.dates), s.interval), team.costPerFteDay as number, shares);
    });
    const starts = capacityBuckets(s.dates, s.dates.map(() => 0), s.interval).map((b) => b.start);
    const total = sumCosts(costs, starts);
    const throughput = counts.throughput.reduce((a, b) => a + b, 0);
    return { ...s.subject, from: s.ctx.from, to: s.ctx.to, interval: s.interval, currency, cost: total.cost, costPerItem: costPerItem(total.cost, throughput), throughput, byType: total.byType, series: total.series };
  }

  private dailyCapacity(teams: readonly TeamEntity[], dates: readonly string[]): number[] {
    const perTeam = teams.map((t) => dailyCapacity(calendarOf(t), dates));
    return dates.map((_, i) => perTeam.reduce((sum, days) => sum + (days[i] ?? 0), 0));
  }

  private async scope(p: Principal, q: Q): Promise<CapacityScope> {
    const { interval, teamId, portfolioId } = parseOrThrow(capacityQuerySchema, { interval: q['interval'], teamId: q['teamId'], portfolioId: q['portfolioId'] });
    if (teamId.length + portfolioId.length !== 1) {
      throw ApiError.badRequest('give exactly one teamId or one portfolioId', [{ path: teamId.length ? 'portfolioId' : 'teamId', message: 'capacity is figured for one team or one portfolio' }], 'invalid_query');
    }
    const { ctx, scope } = await this.contexts.createScoped(p, q);
    const dates = datesBetween(ctx.from, ctx.to);
    if (teamId[0] !== undefined) {
      const team = scope.teams[0] as TeamEntity;
      return { ctx, interval, subject: { teamId: team.id }, teams: [team], target: (team.targetMix as TypeShares | null) ?? null, dates };
    }
    const portfolio = scope.portfolios[0];
    if (!portfolio) throw new Error('portfolio scope without its portfolio');
    return { ctx, interval, subject: { portfolioId: portfolio.id }, teams: scope.teams.filter((t) => portfolio.teamIds.includes(t.id)), target: null, dates };
  }
}

export function calendarOf(team: TeamEntity): TeamCalendar {
  return { members: team.members, workingDays: team.workingDays, holidays: team.holidays, absences: team.absences, focusFactor: team.focusFactor };
}

function activeDaysByType(rows: readonly ActiveTimeRow[]): Partial<Record<FlowType, number>> {
  const days: Partial<Record<FlowType, number>> = {};
  for (const row of rows) {
    const type = flowTypeFor(row.type === '' ? null : row.type);
    days[type] = (days[type] ?? 0) + row.ms / MS_PER_DAY;
  }
  return days;
}

function currencyOf(teams: readonly TeamEntity[], single: boolean): string {
  const unpriced = teams.filter((t) => t.costPerFteDay === null || t.currency === null);
  if (teams.length === 0) throw ApiError.unprocessable('the portfolio has no team, so no capacity to cost', 'no_cost_rate');
  if (unpriced.length) throw ApiError.unprocessable(`${single ? 'the team has' : 'these teams have'} no cost per FTE-day: ${unpriced.map((t) => t.name).join(', ')}`, 'no_cost_rate');
  const currencies = [...new Set(teams.map((t) => t.currency as string))].sort();
  if (currencies.length > 1) throw ApiError.unprocessable(`the teams' costs are in several currencies: ${currencies.join(', ')}`, 'mixed_currencies');
  return currencies[0] as string;
}
