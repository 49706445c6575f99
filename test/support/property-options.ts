import type { Parameters } from 'fast-check';

/**
 * fast-check options that print the seed of every run and replay one given as FC_SEED (with
 * FC_PATH to go straight to a counterexample fast-check reported).
 */
export function propertyOptions<T>(name: string, numRuns: number): Parameters<T> {
  const given = process.env.FC_SEED;
  const seed = given !== undefined && given !== '' ? Number(given) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw new RangeError(`FC_SEED must be an integer, got ${given}`);
  console.log(`${name}: fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  return { seed, numRuns, path: process.env.FC_PATH || undefined };
}
