import { Injectable } from '@nestjs/common';
import { addLocalDays, forecastDates, localDateOf } from '@flowlens/metrics';
import { MonteCarloPool } from './monte-carlo.pool';
import type { MetricQueryContext } from './query-context';
import { ThroughputQuery } from './throughput.query';

export interface ForecastOptions {
  readonly trials: number;
  readonly seed: number;
  /** Days of history, ending at asOf (zero days included). */
  readonly window: number;
}

/**
 * Monte Carlo forecasts from the daily throughput of the `window` days ending at asOf (the
 * workspace's local date of the evaluation instant), as metrics.md defines them. The trials run
 * on the worker pool, off the event loop.
 */
@Injectable()
export class ForecastQuery {
  constructor(
    private readonly throughput: ThroughputQuery,
    private readonly monteCarlo: MonteCarloPool,
  ) {}

  async history(ctx: MetricQueryContext, window: number): Promise<{ asOfDate: string; history: number[] }> {
    const asOfDate = localDateOf(ctx.asOf, ctx.timezone);
    const series = await this.throughput.run({ ...ctx, from: addLocalDays(asOfDate, -(window - 1)), to: asOfDate }, 'day');
    return { asOfDate, history: series.series.map((b) => b.count) };
  }

  async howMany(ctx: MetricQueryContext, by: string, options: ForecastOptions) {
    const { asOfDate, history } = await this.history(ctx, options.window);
    const days = Math.round((Date.parse(`${by}T00:00:00Z`) - Date.parse(`${asOfDate}T00:00:00Z`)) / 86_400_000);
    const result = await this.monteCarlo.howMany({ history, days, trials: options.trials, seed: options.seed });
    return { asOf: asOfDate, by, days, trials: result.trials, p50: result.p50, p85: result.p85, p95: result.p95, historyDays: history.length };
  }

  async when(ctx: MetricQueryContext, items: number, options: ForecastOptions) {
    const { asOfDate, history } = await this.history(ctx, options.window);
    const result = await this.monteCarlo.when({ history, items, trials: options.trials, seed: options.seed });
    return { asOf: asOfDate, items, trials: result.trials, capped: result.capped, days: { p50: result.p50, p85: result.p85, p95: result.p95 }, ...forecastDates(asOfDate, result) };
  }
}
