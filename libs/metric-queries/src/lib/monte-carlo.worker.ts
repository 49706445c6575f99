import { portfolioHowMany as combineHowMany, portfolioWhen as combineWhen, type PortfolioHowMany, type PortfolioWhen, type TeamHistory } from '@flowlens/capacity';
import {
  type DeliveryPlan,
  type EpicForecast,
  forecastDeliveries,
  ForecastImpossibleError,
  forecastHowMany,
  forecastWhen,
  type HowManyInput,
  type ReleaseForecast,
  type WhenInput,
} from '@flowlens/metrics';

/** What a task answers; an impossible forecast travels as data, since errors lose their class between threads. */
export type WorkerAnswer<R> = { readonly result: R } | { readonly impossible: string };

/** A portfolio forecast: every part's own history (and, for when, its share of N). */
export interface PortfolioHowManyTask {
  readonly teams: readonly TeamHistory[];
  readonly days: number;
  readonly trials: number;
  readonly seed: number;
}
export interface PortfolioWhenTask {
  readonly teams: ReadonlyArray<TeamHistory & { readonly items: number }>;
  readonly trials: number;
  readonly seed: number;
}
export interface DeliveryForecasts {
  readonly releases: ReleaseForecast[];
  readonly epics: EpicForecast[];
}

// Runs in a piscina worker thread: each export is one task, named in `pool.run(input, { name })`.
export function howMany(input: HowManyInput): WorkerAnswer<ReturnType<typeof forecastHowMany>> {
  return answer(() => forecastHowMany(input));
}

export function when(input: WhenInput): WorkerAnswer<ReturnType<typeof forecastWhen>> {
  return answer(() => forecastWhen(input));
}

/** Release and epic forecasts of a plan (one Monte Carlo per release and per epic). */
export function deliveries(plan: DeliveryPlan): WorkerAnswer<DeliveryForecasts> {
  return answer(() => forecastDeliveries(plan));
}

export function portfolioHowMany(task: PortfolioHowManyTask): WorkerAnswer<PortfolioHowMany> {
  return answer(() => combineHowMany(task.teams, task.days, task.trials, task.seed));
}

export function portfolioWhen(task: PortfolioWhenTask): WorkerAnswer<PortfolioWhen> {
  return answer(() => combineWhen(task.teams, task.trials, task.seed));
}

function answer<R>(compute: () => R): WorkerAnswer<R> {
  try {
    return { result: compute() };
  } catch (error) {
    if (error instanceof ForecastImpossibleError) return { impossible: error.message };
    throw error;
  }
}
