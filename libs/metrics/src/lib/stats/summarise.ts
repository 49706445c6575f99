import { percentileOfSorted, sortedCopy } from './percentile';

export interface Summary {
  readonly count: number;
  readonly p50: number | null;
  readonly p70: number | null;
  readonly p85: number | null;
  readonly p95: number | null;
  readonly mean: number | null;
}

/** Count, the four public percentiles and the arithmetic mean; nulls when there are no values. */
export function summarise(values: readonly number[]): Summary {
  const sorted = sortedCopy(values);
  if (sorted.length === 0) return { count: 0, p50: null, p70: null, p85: null, p95: null, mean: null };
  return {
    count: sorted.length,
    p50: percentileOfSorted(sorted, 50),
    p70: percentileOfSorted(sorted, 70),
    p85: percentileOfSorted(sorted, 85),
    p95: percentileOfSorted(sorted, 95),
    mean: mean(sorted),
  };
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
