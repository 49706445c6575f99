import fc from 'fast-check';
import { percentile } from './percentile';

/**
 * Independent reference: the R7 percentile is the piecewise-linear curve through the points
 * (i / (n - 1), x(i)) of the sorted sample; find the segment holding q = p / 100 and interpolate.
 */
function referencePercentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values];
  for (let i = 1; i < sorted.length; i++) {
    for (let j = i; j > 0 && sorted[j - 1] > sorted[j]; j--) [sorted[j - 1], sorted[j]] = [sorted[j], sorted[j - 1]];
  }
  if (sorted.length === 1) return sorted[0];
  const q = p / 100;
  const step = 1 / (sorted.length - 1);
  for (let i = 0; i < sorted.length - 1; i++) {
    const left = i * step;
    const right = (i + 1) * step;
    if (q <= right + 1e-12 || i === sorted.length - 2) {
      const t = Math.min(1, Math.max(0, (q - left) / step));
      return sorted[i] + t * (sorted[i + 1] - sorted[i]);
    }
  }
  return sorted[sorted.length - 1];
}

describe('percentile', () => {
  it('interpolates linearly between closest ranks like numpy and PERCENTILE.INC', () => {
    // numpy.percentile([1, 2, 3, 4], 50) = 2.5 (rank 1.5 between 2 and 3)
    expect(percentile([4, 1, 3, 2], 50)).toBe(2.5);
    // numpy.percentile([15, 20, 35, 40, 50], 40): rank 4 * 0.4 = 1.6 -> 20 + 0.6 * (35 - 20) = 29
    expect(percentile([15, 20, 35, 40, 50], 40)).toBeCloseTo(29, 12);
    // 1..10 at 85: rank 9 * 0.85 = 7.65 -> 8 + 0.65 * (9 - 8) = 8.65
    expect(percentile([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 85)).toBeCloseTo(8.65, 12);
    // 21 values 0..20 at 85: rank 20 * 0.85 = 17 exactly -> 17, no float drift
    expect(percentile(Array.from({ length: 21 }, (_, i) => i), 85)).toBe(17);
  });

  it('returns the extremes at 0 and 100, the value itself for one element and null when empty', () => {
    expect(percentile([3, 9, 1], 0)).toBe(1);
    expect(percentile([3, 9, 1], 100)).toBe(9);
    expect(percentile([7.5], 95)).toBe(7.5);
    expect(percentile([], 50)).toBeNull();
  });

  it('does not reorder its input', () => {
    const values = [5, 1, 4];
    percentile(values, 50);
    expect(values).toEqual([5, 1, 4]);
  });

  it('rejects percentiles outside 0..100 and non-finite values', () => {
    expect(() => percentile([1], -1)).toThrow(RangeError);
    expect(() => percentile([1], 100.5)).toThrow(RangeError);
    expect(() => percentile([1, Number.NaN], 50)).toThrow(RangeError);
  });

  it('matches the brute-force reference for any sample and percentile', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 60 }),
        fc.integer({ min: 0, max: 100 }),
        (values, p) => {
          const actual = percentile(values, p);
          const expected = referencePercentile(values, p);
          if (expected === null) return actual === null;
          return actual !== null && Math.abs(actual - expected) <= 1e-6 * Math.max(1, Math.abs(expected));
        },
      ),
    );
  });
});
