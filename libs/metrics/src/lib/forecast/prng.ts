/** A source of uniform numbers in [0, 1). */
export type Random = () => number;

/**
 * mulberry32: a 32-bit state generator (Tommy Ettinger's constants). Small, fast and good
 * enough for sampling history days; not for cryptography. The seed is taken modulo 2^32, so
 * every safe integer is a valid seed and equal seeds give equal sequences on every platform.
 */
export function mulberry32(seed: number): Random {
  let state = mulberry32Seed(seed);
  return () => {
    state = mulberry32Next(state);
    return mulberry32Unit(state);
  };
}

/**
 * The same generator as a plain state, for the hot loops of a Monte Carlo (10^8 draws for the
 * releases of a portfolio): a local state and two small functions the JIT inlines run about twice
 * as fast as a closure call per draw. `state = mulberry32Next(state); mulberry32Unit(state)` is
 * the next number of `mulberry32(seed)`.
 */
export function mulberry32Seed(seed: number): number {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  return Number(BigInt.asUintN(32, BigInt(seed)));
}

export function mulberry32Next(state: number): number {
  return (state + 0x6d2b79f5) >>> 0;
}

export function mulberry32Unit(state: number): number {
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
}
