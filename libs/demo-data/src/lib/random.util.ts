/** A seeded source of the draws the generator needs; the same seed gives the same history. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(values: readonly T[]): T;
  /** Picks by relative weight. */
  weighted<T>(entries: ReadonlyArray<readonly [T, number]>): T;
  /** Lognormal with the given median and log-space spread. */
  lognormal(median: number, sigma: number): number;
  exponential(mean: number): number;
  poisson(mean: number): number;
}

/** mulberry32: small, fast, and identical on every platform; not for cryptography. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function seededRng(seed: number): Rng {
  const next = mulberry32(seed);
  const between = (min: number, max: number) => min + (max - min) * next();
  const normal = () => {
    // Box-Muller; 1 - next() keeps the logarithm's argument in (0, 1].
    const u = 1 - next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
  };
  return {
    next,
    between,
    int: (min, max) => Math.floor(between(min, max + 1)),
    chance: (probability) => next() < probability,
    pick: (values) => {
      if (values.length === 0) throw new RangeError('cannot pick from an empty list');
      return values[Math.floor(next() * values.length)] as (typeof values)[number];
    },
    weighted: (entries) => {
      const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
      let draw = next() * total;
      for (const [value, weight] of entries) {
        draw -= weight;
        if (draw < 0) return value;
      }
      const last = entries[entries.length - 1];
      if (!last) throw new RangeError('cannot pick from an empty list');
      return last[0];
    },
    lognormal: (median, sigma) => median * Math.exp(sigma * normal()),
    exponential: (mean) => -mean * Math.log(1 - next()),
    poisson: (mean) => {
      // Knuth's method: fine for the small daily rates used here.
      const limit = Math.exp(-mean);
      let count = 0;
      let product = next();
      while (product > limit) {
        count += 1;
        product *= next();
      }
      return count;
    },
  };
}
