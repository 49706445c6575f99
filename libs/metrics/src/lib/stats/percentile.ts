/**
 * Exact percentile by linear interpolation between closest ranks (Hyndman & Fan R7: numpy's
 * default, Excel PERCENTILE.INC). `p` is on the 0..100 scale. The input is not modified.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!Number.isFinite(p) || p < 0 || p > 100) {
    throw new RangeError(`percentile must be within 0..100, got ${p}`);
  }
  if (values.length === 0) return null;
  const sorted = sortedCopy(values);
  return percentileOfSorted(sorted, p);
}

/** As {@link percentile} for values already sorted ascending (not checked). */
export function percentileOfSorted(sorted: readonly number[], p: number): number {
  const n = sorted.length;
  // Multiply before dividing so that ranks such as (21 - 1) * 85 / 100 = 17 stay exact.
  const rank = ((n - 1) * p) / 100;
  const lower = Math.floor(rank);
  const fraction = rank - lower;
  if (fraction === 0 || lower + 1 >= n) return sorted[lower];
  return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
}

export function sortedCopy(values: readonly number[]): number[] {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`percentile input must be finite numbers, got ${value}`);
  }
  // A typed array sorts numerically without a comparator call per pair (several times faster).
  return Array.from(Float64Array.from(values).sort());
}
