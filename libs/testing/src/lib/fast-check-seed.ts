import type fc from 'fast-check';

/**
 * Fixes fast-check's seed for a whole test file: `FC_SEED` when set, else a fresh one. The seed is
 * printed, so a failing run is replayed with `FC_SEED=<seed> npx jest <file>` (fast-check's own
 * failure report adds the path of the shrunk counterexample).
 */
export function configureFastCheckSeed(check: typeof fc, env: NodeJS.ProcessEnv = process.env, print: (line: string) => void = () => undefined): number {
  const seed = parseSeed(env['FC_SEED']) ?? (Math.random() * 2 ** 31) | 0;
  check.configureGlobal({ ...check.readConfigureGlobal(), seed });
  print(`fast-check seed ${seed} (replay with FC_SEED=${seed})`);
  return seed;
}

function parseSeed(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seed = Number(value);
  if (!Number.isInteger(seed)) throw new Error(`FC_SEED must be an integer, got "${value}"`);
  return seed | 0;
}
