import { mulberry32, mulberry32Next, mulberry32Seed, mulberry32Unit } from './prng';

describe('mulberry32', () => {
  it('keeps its sequence (every seeded forecast depends on it), as a closure and as a plain state', () => {
    const random = mulberry32(1);
    expect(Array.from({ length: 4 }, () => random())).toEqual([0.6270739405881613, 0.002735721180215478, 0.5274470399599522, 0.9810509674716741]);
    let state = mulberry32Seed(20240331);
    const drawn = Array.from({ length: 2 }, () => mulberry32Unit((state = mulberry32Next(state))));
    expect(drawn).toEqual([0.9747668253257871, 0.04091932135634124]);
  });

  it('repeats its sequence for a seed and differs between seeds', () => {
    const draw = (seed: number) => {
      const random = mulberry32(seed);
      return Array.from({ length: 5 }, () => random());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    // seeds are taken modulo 2^32
    expect(draw(2 ** 32 + 7)).toEqual(draw(7));
    expect(draw(-1)).toEqual(draw(2 ** 32 - 1));
  });

  it('stays in [0, 1) and fills ten equal bins evenly', () => {
    const random = mulberry32(20240331);
    const bins = new Array<number>(10).fill(0);
    const n = 100_000;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const value = random();
      if (value < 0 || value >= 1) outside++;
      else bins[Math.floor(value * 10)]++;
    }
    expect(outside).toBe(0);
    // chi-square with 9 degrees of freedom; 27.88 is the 0.001 critical value
    const expected = n / 10;
    const chiSquare = bins.reduce((sum, count) => sum + (count - expected) ** 2 / expected, 0);
    expect(chiSquare).toBeLessThan(27.88);
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => mulberry32(1.5)).toThrow(RangeError);
    expect(() => mulberry32(Number.NaN)).toThrow(RangeError);
  });
});
