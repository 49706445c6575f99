import { Injectable } from '@nestjs/common';
import {
  AgingQuery,
  CfdQuery,
  ElapsedTimeQuery,
  FlowDistributionQuery,
  FlowEfficiencyQuery,
  FlowFrameworkQuery,
  type MetricQueryContext,
  StageOccupancyQuery,
  wipOf,
} from '@flowlens/metric-queries';
import { mean } from '@flowlens/metrics';

/** Figures composed from several queries (aging, WIP, Flow Framework, Little's Law). */
@Injectable()
export class FlowMetricsService {
  constructor(
    private readonly elapsed: ElapsedTimeQuery,
    private readonly occupancy: StageOccupancyQuery,
    private readonly agingQuery: AgingQuery,
    private readonly efficiencyQuery: FlowEfficiencyQuery,
    private readonly distributionQuery: FlowDistributionQuery,
    private readonly flowFrameworkQuery: FlowFrameworkQuery,
    readonly cfd: CfdQuery,
  ) {}

  async wip(ctx: MetricQueryContext, interval: 'day' | 'week') {
    const series = await this.occupancy.wip(ctx);
    if (interval === 'day') return { series };
    // A week's WIP is the WIP at the end of its last day inside the window.
    const weeks = new Map<string, { date: string; wip: number }>();
    for (const point of series) weeks.set(weekOf(point.date), point);
    return { series: [...weeks].map(([week, point]) => ({ date: week, endDate: point.date, wip: point.wip })) };
  }

  /** Items in progress, oldest first, capped at `limit` (with the total). */
  async aging(ctx: MetricQueryContext, limit: number) {
    const aging = await this.agingQuery.run(ctx, limit);
    const { p50, p70, p85, p95 } = aging.cycleTime;
    // Items are listed oldest first, so the count over the list is exact unless the list was cut
    // while still beyond the percentile (more than `limit` items beyond it).
    const beyond = (p: number | null) => (p === null ? 0 : aging.items.filter((i) => i.ageDays > p).length);
    return {
      asOf: aging.asOf,
      items: aging.items,
      itemsTotal: aging.itemsTotal,
      itemsTruncated: aging.itemsTotal > aging.items.length,
      percentiles: { p50, p70, p85, p95 },
      itemsBeyond: { p50: beyond(p50), p70: beyond(p70), p85: beyond(p85), p95: beyond(p95) },
    };
  }

  flowFramework(ctx: MetricQueryContext) {
    return this.flowFrameworkQuery.run(ctx);
  }

  /**
   * From the scans the board page makes anyway (the CFD's stage occupancy, the Flow Framework's
   * cycle times of the items done in the window): shared while they run, so this costs no scan of its own.
   */
  async littlesLaw(ctx: MetricQueryContext) {
    const [days, { time: cycle }] = await Promise.all([this.occupancy.run(ctx), this.flowFrameworkQuery.run(ctx)]);
    const averageWip = mean(days.map(wipOf)) ?? 0;
    const averageThroughput = cycle.count / days.length;
    const averageCycleTime = cycle.mean;
    const predictedCycleTime = averageThroughput > 0 ? averageWip / averageThroughput : null;
    const ratio = predictedCycleTime !== null && averageCycleTime !== null && averageCycleTime > 0 ? predictedCycleTime / averageCycleTime : null;
    return { days: days.length, averageWip, averageThroughput, averageCycleTime, predictedCycleTime, ratio };
  }

  efficiency(ctx: MetricQueryContext) {
    return this.efficiencyQuery.run(ctx);
  }

  distribution(ctx: MetricQueryContext) {
    return this.distributionQuery.run(ctx);
  }

  /** Percentiles over every item; the item list is capped at `limit` (the latest done), with the total. */
  async elapsedTime(ctx: MetricQueryContext, kind: 'cycle' | 'lead', limit: number) {
    const result = await this.elapsed.run(ctx, kind, limit);
    return { ...result, itemsTruncated: result.itemsTotal > result.items.length };
  }
}

function weekOf(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7;
  return new Date(ms - weekday * 86_400_000).toISOString().slice(0, 10);
}
