import fc from 'fast-check';
import { seededRng } from './random.util';

const draws = (seed: number, count: number) => {
  const rng = seededRng(seed);
  return Array.from({ length: count }, () => rng.next());
};

describe('seededRng', () => {
  it('repeats its sequence for a seed and differs between seeds', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(draws(seed, 20)).toEqual(draws(seed, 20));
        expect(draws(seed, 20)).not.toEqual(draws(seed + 1, 20));
      }),
    );
  });

  it('stays in range', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, min, width) => {
        const rng = seededRng(seed);
        const value = rng.next();
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThan(1);
        const int = rng.int(min, min + width);
        expect(Number.isInteger(int)).toBe(true);
        expect(int).toBeGreaterThanOrEqual(min);
        expect(int).toBeLessThanOrEqual(min + width);
        expect(['a', 'b', 'c']).toContain(rng.pick(['a', 'b', 'c']));
      }),
    );
  });

  it('draws with the intended shapes', () => {
    const rng = seededRng(42);
    const n = 20_000;
    const poisson = Array.from({ length: n }, () => rng.poisson(1.7));
    expect(poisson.reduce((sum, value) => sum + value, 0) / n).toBeCloseTo(1.7, 1);
    const exponential = Array.from({ length: n }, () => rng.exponential(4));
    expect(exponential.reduce((sum, value) => sum + value, 0) / n).toBeGreaterThan(3.8);
    expect(exponential.reduce((sum, value) => sum + value, 0) / n).toBeLessThan(4.2);
    const lognormal = Array.from({ length: n }, () => rng.lognormal(3, 0.75)).sort((a, b) => a - b);
    expect(lognormal[n / 2]).toBeGreaterThan(2.85);
    expect(lognormal[n / 2]).toBeLessThan(3.15);
    const picks = Array.from({ length: n }, () => rng.weighted([['x', 3], ['y', 1]] as const));
    expect(picks.filter((pick) => pick === 'x').length / n).toBeCloseTo(0.75, 1);
    expect(rng.chance(0)).toBe(false);
    expect(rng.chance(1)).toBe(true);
  });

  it('refuses to pick from nothing', () => {
    expect(() => seededRng(1).pick([])).toThrow(RangeError);
    expect(() => seededRng(1).weighted([])).toThrow(RangeError);
  });
});
