import { percentileOfSorted } from '../stats/percentile';
import { checkCount, checkTrials, DEFAULT_TRIALS, historyArray, MAX_HORIZON_DAYS } from './forecast-input.util';
import { mulberry32 } from './prng';

export interface HowManyInput {
  /** Daily throughput of the history window, zero days included. */
  readonly history: readonly number[];
  /** Future days to simulate (the days after `asOf` up to and including the target date). */
  readonly days: number;
  readonly trials?: number;
  readonly seed: number;
}

export interface HowManyForecast {
  /** Median outcome (linear interpolation; may be x.5). */
  readonly p50: number;
  /** Reached or beaten in at least 85% of trials; no larger count is. */
  readonly p85: number;
  /** Reached or beaten in at least 95% of trials; no larger count is. */
  readonly p95: number;
  readonly trials: number;
}

/**
 * Monte Carlo "how many items by date": each trial sums one uniformly sampled history day per
 * future day. With outcomes sorted ascending o[0..n-1], pXX = o[floor((100 - XX) n / 100)]:
 * at least XX% of trials are at or above it, and every larger value fails that (see spec).
 */
export function forecastHowMany(input: HowManyInput): HowManyForecast {
  const trials = input.trials ?? DEFAULT_TRIALS;
  checkTrials(trials);
  checkCount('days', input.days);
  if (input.days > MAX_HORIZON_DAYS) throw new RangeError(`days must be at most ${MAX_HORIZON_DAYS}, got ${input.days}`);
  const history = historyArray(input.history);
  const random = mulberry32(input.seed);
  const size = history.length;
  const outcomes = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) {
    let sum = 0;
    for (let day = 0; day < input.days; day++) sum += history[Math.floor(random() * size)];
    outcomes[trial] = sum;
  }
  outcomes.sort();
  return {
    p50: percentileOfSorted(Array.from(outcomes), 50),
    p85: reachedIn(outcomes, 85),
    p95: reachedIn(outcomes, 95),
    trials,
  };
}

/** The largest outcome that at least `share`% of the (ascending) outcomes reach or beat. */
export function reachedIn(sortedOutcomes: ArrayLike<number>, share: number): number {
  return sortedOutcomes[Math.floor((sortedOutcomes.length * (100 - share)) / 100)];
}
