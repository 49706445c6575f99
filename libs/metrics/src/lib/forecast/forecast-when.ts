import { percentileOfSorted } from '../stats/percentile';
import { ForecastImpossibleError } from './forecast-impossible.error';
import { checkCount, checkTrials, DEFAULT_TRIALS, historyArray, MAX_HORIZON_DAYS } from './forecast-input.util';
import { mulberry32Next, mulberry32Seed, mulberry32Unit } from './prng';
import { type TrialOutcome, trialOutcomes } from './trial-outcomes';

export const DEFAULT_MAX_DAYS = MAX_HORIZON_DAYS;

export interface WhenInput {
  /** Daily throughput of the history window, zero days included. */
  readonly history: readonly number[];
  /** Items still to finish. */
  readonly items: number;
  readonly trials?: number;
  readonly seed: number;
  /** A trial stops after this many days even when short of `items` (it is then `capped`). */
  readonly maxDays?: number;
}

export interface WhenForecast {
  /** Whole days after `asOf`: the percentile of trial durations, rounded up. */
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly trials: number;
  /** Trials that hit `maxDays` before reaching `items`; their duration counts as `maxDays`. */
  readonly capped: number;
  /** Every distinct duration (days) with its number of trials, ascending. */
  readonly outcomes: TrialOutcome[];
}

/**
 * Monte Carlo "when will N items be done": each trial draws sampled history days until the
 * running sum reaches N; its duration is the number of days drawn. pXX is the XXth percentile
 * (linear interpolation) of durations rounded up, because a completion date must be a whole day
 * and the later day is the conservative reading.
 */
export function forecastWhen(input: WhenInput): WhenForecast {
  const trials = input.trials ?? DEFAULT_TRIALS;
  const maxDays = input.maxDays ?? DEFAULT_MAX_DAYS;
  checkTrials(trials);
  checkCount('items', input.items);
  checkCount('maxDays', maxDays);
  const history = historyArray(input.history);
  if (!history.some((day) => day > 0)) {
    throw new ForecastImpossibleError('the throughput history has no finished items, so no date can be forecast');
  }
  let state = mulberry32Seed(input.seed);
  const size = history.length;
  const durations = new Float64Array(trials);
  let capped = 0;
  for (let trial = 0; trial < trials; trial++) {
    let sum = 0;
    let days = 0;
    while (sum < input.items && days < maxDays) {
      state = mulberry32Next(state);
      sum += history[Math.floor(mulberry32Unit(state) * size)];
      days++;
    }
    if (sum < input.items) capped++;
    durations[trial] = days;
  }
  const sorted = Array.from(durations.sort());
  const at = (p: number) => wholeDayPercentile(sorted, p);
  return { p50: at(50), p85: at(85), p95: at(95), trials, capped, outcomes: trialOutcomes(sorted) };
}

/** The pth percentile (linear interpolation) of ascending durations, rounded up to a whole day. */
export function wholeDayPercentile(sortedDurations: readonly number[], p: number): number {
  return Math.ceil(percentileOfSorted(sortedDurations, p));
}
