import { ForecastImpossibleError } from './forecast-impossible.error';
import { checkCount, checkTrials, DEFAULT_TRIALS, historyArray } from './forecast-input.util';
import { DEFAULT_MAX_DAYS, wholeDayPercentile } from './forecast-when';
import { mulberry32Next, mulberry32Seed, mulberry32Unit } from './prng';

export interface BoardRemaining {
  /** Daily throughput of the board over the history window, zero days included. */
  readonly history: readonly number[];
  readonly items: number;
}

export interface AcrossInput {
  /** In a fixed order (the caller sorts by board), so a seed reproduces the forecast. */
  readonly boards: readonly BoardRemaining[];
  readonly trials?: number;
  readonly seed: number;
  /** Days from asOf to the target date; null when there is none. */
  readonly deadlineDays: number | null;
  readonly maxDays?: number;
}

export interface AcrossForecast {
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  /** Share of trials finishing on or before the deadline; null without one. */
  readonly pOnTime: number | null;
  readonly trials: number;
  readonly capped: number;
}

/**
 * Monte Carlo "when" over several boards at once (release and epic forecasts): each trial runs
 * the "when" draw for every board's remaining count from that board's own history, and lasts as
 * long as its slowest board.
 */
export function forecastWhenAcross(input: AcrossInput): AcrossForecast {
  const trials = input.trials ?? DEFAULT_TRIALS;
  const maxDays = input.maxDays ?? DEFAULT_MAX_DAYS;
  checkTrials(trials);
  const boards = input.boards.map((board) => {
    checkCount('items', board.items);
    const history = historyArray(board.history);
    if (board.items > 0 && !history.some((day) => day > 0)) {
      throw new ForecastImpossibleError('a board holding remaining items has no finished items in its history');
    }
    return { history, items: board.items };
  });
  let state = mulberry32Seed(input.seed);
  const durations = new Float64Array(trials);
  let capped = 0;
  let onTime = 0;
  // Indexed loops and a local generator state: this loop is the whole cost of a portfolio's
  // release forecasts (trials × boards × days draws).
  for (let trial = 0; trial < trials; trial++) {
    let longest = 0;
    let short = false;
    for (let b = 0; b < boards.length; b++) {
      const { history, items } = boards[b] as (typeof boards)[number];
      const size = history.length;
      let sum = 0;
      let days = 0;
      while (sum < items && days < maxDays) {
        state = mulberry32Next(state);
        sum += history[Math.floor(mulberry32Unit(state) * size)] as number;
        days++;
      }
      if (sum < items) short = true;
      if (days > longest) longest = days;
    }
    if (short) capped++;
    if (input.deadlineDays !== null && longest <= input.deadlineDays) onTime++;
    durations[trial] = longest;
  }
  const sorted = Array.from(durations.sort());
  return {
    p50: wholeDayPercentile(sorted, 50),
    p85: wholeDayPercentile(sorted, 85),
    p95: wholeDayPercentile(sorted, 95),
    pOnTime: input.deadlineDays === null ? null : onTime / trials,
    trials,
    capped,
  };
}
