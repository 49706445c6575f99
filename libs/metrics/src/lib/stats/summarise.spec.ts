import { mean, summarise } from './summarise';

describe('summarise', () => {
  it('gives count, the four percentiles and the mean', () => {
    // sorted [1, 2, 3, 4, 10]; ranks 4p: p50 2 -> 3; p70 2.8 -> 3 + 0.8 = 3.8;
    // p85 3.4 -> 4 + 0.4 * 6 = 6.4; p95 3.8 -> 4 + 0.8 * 6 = 8.8; mean 20 / 5 = 4
    const summary = summarise([10, 1, 4, 3, 2]);
    expect(summary.count).toBe(5);
    expect(summary.p50).toBe(3);
    expect(summary.p70).toBeCloseTo(3.8, 12);
    expect(summary.p85).toBeCloseTo(6.4, 12);
    expect(summary.p95).toBeCloseTo(8.8, 12);
    expect(summary.mean).toBe(4);
  });

  it('gives nulls for no values', () => {
    expect(summarise([])).toEqual({ count: 0, p50: null, p70: null, p85: null, p95: null, mean: null });
    expect(mean([])).toBeNull();
  });
});
