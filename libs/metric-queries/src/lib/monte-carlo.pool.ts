import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import Piscina from 'piscina';
import { type DeliveryPlan, ForecastImpossibleError, type HowManyForecast, type HowManyInput, type WhenForecast, type WhenInput } from '@flowlens/metrics';
import { flowlensMetrics } from '@flowlens/platform';
import type { PortfolioHowMany, PortfolioWhen } from '@flowlens/capacity';
import type { DeliveryForecasts, PortfolioHowManyTask, PortfolioWhenTask, WorkerAnswer } from './monte-carlo.worker';

type TaskName = 'howMany' | 'when' | 'deliveries' | 'portfolioHowMany' | 'portfolioWhen';

/** Forecasts waiting for a thread beyond this many are refused (503) instead of piling up. */
export const MAX_QUEUED_FORECASTS = 64;

/** Thrown when every forecast thread is busy and the queue is full. */
export class ForecastPoolBusyError extends Error {
  constructor() {
    super(`too many forecasts are running; at most ${MAX_QUEUED_FORECASTS} may wait`);
    this.name = 'ForecastPoolBusyError';
  }
}

/**
 * Runs Monte Carlo simulations on worker threads, so a long forecast never holds the event loop
 * that answers /health and acknowledges webhooks. Threads start on first use and stop with the app.
 */
@Injectable()
export class MonteCarloPool implements OnModuleDestroy {
  private pool: Piscina | null = null;

  howMany(input: HowManyInput): Promise<HowManyForecast> {
    return this.run('howMany', input);
  }

  when(input: WhenInput): Promise<WhenForecast> {
    return this.run('when', input);
  }

  /** The Monte Carlo of every release and epic of a plan (the risk endpoints; see planDeliveries). */
  deliveries(plan: DeliveryPlan): Promise<DeliveryForecasts> {
    return this.run('deliveries', plan);
  }

  /** A portfolio's how-many: every part's trials summed (libs/capacity portfolioHowMany). */
  portfolioHowMany(task: PortfolioHowManyTask): Promise<PortfolioHowMany> {
    return this.run('portfolioHowMany', task);
  }

  /** A portfolio's when: a trial lasts as long as its slowest part (libs/capacity portfolioWhen). */
  portfolioWhen(task: PortfolioWhenTask): Promise<PortfolioWhen> {
    return this.run('portfolioWhen', task);
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool?.destroy();
    this.pool = null;
  }

  private async run<R>(name: TaskName, input: HowManyInput | WhenInput | DeliveryPlan | PortfolioHowManyTask | PortfolioWhenTask): Promise<R> {
    const pool = this.open();
    if (pool.queueSize >= MAX_QUEUED_FORECASTS) throw new ForecastPoolBusyError();
    flowlensMetrics.forecastsRunning.inc();
    const answer = (await pool.run(input, { name }).finally(() => flowlensMetrics.forecastsRunning.dec())) as WorkerAnswer<R>;
    if ('impossible' in answer) throw new ForecastImpossibleError(answer.impossible);
    return answer.result;
  }

  private open(): Piscina {
    this.pool ??= new Piscina({
      filename: workerFile(),
      minThreads: 0,
      // Leave a core to the event loop; the pool is for isolation more than for throughput.
      maxThreads: Math.max(1, Math.min(4, availableParallelism() - 1)),
      idleTimeout: 30_000,
    });
    return this.pool;
  }
}

/**
 * The compiled worker beside this file in dist/; when this file runs from TypeScript source
 * (jest), the copy scripts/build.mjs compiled into dist/ (worker threads do not load .ts).
 */
export function workerFile(dir = __dirname): string {
  const beside = join(dir, 'monte-carlo.worker.js');
  if (existsSync(beside)) return beside;
  const marker = `${join('libs', 'metric-queries')}`;
  const at = dir.lastIndexOf(marker);
  const built = at < 0 ? beside : join(dir.slice(0, at), 'dist', dir.slice(at), 'monte-carlo.worker.js');
  if (!existsSync(built)) throw new Error(`the forecast worker is not built: run node scripts/build.mjs (looked for ${built})`);
  return built;
}
