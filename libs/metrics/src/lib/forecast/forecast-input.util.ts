import { ForecastImpossibleError } from './forecast-impossible.error';

export const DEFAULT_TRIALS = 10_000;
export const MAX_TRIALS = 1_000_000;
/** The furthest a forecast looks ahead, in days (ten years): it bounds the work of one trial. */
export const MAX_HORIZON_DAYS = 3650;

export function checkTrials(trials: number): void {
  if (!Number.isInteger(trials) || trials < 1 || trials > MAX_TRIALS) {
    throw new RangeError(`trials must be an integer within 1..${MAX_TRIALS}, got ${trials}`);
  }
}

export function checkCount(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
}

/** Copies the history into a typed array after checking it holds finite, non-negative counts. */
export function historyArray(history: readonly number[]): Float64Array {
  if (history.length === 0) throw new ForecastImpossibleError('the throughput history is empty');
  for (const day of history) {
    if (!Number.isFinite(day) || day < 0) throw new RangeError(`history must hold non-negative counts, got ${day}`);
  }
  return Float64Array.from(history);
}
