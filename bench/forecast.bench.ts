// npm run bench:forecast — the Monte Carlo forecasts against their target (10,000 trials in
// < 200 ms): p50/p95 over 20 runs for realistic and sparse histories, and the ratio to the target;
// then the same through the worker pool the API uses, and the event loop's worst delay while the
// largest forecast the API allows runs on it.
import 'reflect-metadata';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { MonteCarloPool } from '@flowlens/metric-queries';
import { forecastHowMany, forecastWhen, MAX_HORIZON_DAYS, mulberry32, percentile } from '@flowlens/metrics';
import { report } from './bench-report';

const TARGET_MS = 200;
const RUNS = 20;

/** Zero days with probability 1 - busyShare, else 1..maxPerDay items, like a real team's throughput. */
function history(days: number, busyShare: number, maxPerDay: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: days }, () => (random() < busyShare ? 1 + Math.floor(random() * maxPerDay) : 0));
}

async function time(run: (seed: number) => unknown): Promise<{ p50: number; p95: number }> {
  await run(0);
  const samples: number[] = [];
  for (let i = 1; i <= RUNS; i++) {
    const start = performance.now();
    await run(i);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50) ?? 0, p95: percentile(samples, 95) ?? 0 };
}

const realistic = history(90, 0.65, 3, 1);
const sparse = history(90, 0.15, 2, 2);
const cases: Array<[string, (seed: number) => unknown]> = [
  ['how-many, 90 days ahead', (seed) => forecastHowMany({ history: realistic, days: 90, seed })],
  ['how-many, 365 days ahead', (seed) => forecastHowMany({ history: realistic, days: 365, seed })],
  ['when, N = 50', (seed) => forecastWhen({ history: realistic, items: 50, seed })],
  ['when, N = 500', (seed) => forecastWhen({ history: realistic, items: 500, seed })],
  ['when, N = 500, sparse history (0.2 items/day)', (seed) => forecastWhen({ history: sparse, items: 500, seed })],
];
async function main(): Promise<void> {
  const rows: Array<[string, string]> = [];
  const data: Record<string, { p50: number; p95: number }> = {};
  const pool = new MonteCarloPool();
  const pooled: Array<[string, (seed: number) => unknown]> = [
    ['pool: how-many, 90 days ahead', (seed) => pool.howMany({ history: realistic, days: 90, seed })],
    ['pool: when, N = 500', (seed) => pool.when({ history: realistic, items: 500, seed })],
  ];
  for (const [name, run] of [...cases, ...pooled]) {
    const t = await time(run);
    data[name] = t;
    rows.push([`${name} (10,000 trials) p50 / p95`, `${t.p50.toFixed(1)} / ${t.p95.toFixed(1)} ms  (p95 = ${((t.p95 / TARGET_MS) * 100).toFixed(0)}% of the ${TARGET_MS} ms target)`]);
  }
  // The largest forecast the API accepts, on the pool: the event loop must stay free meanwhile.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const start = performance.now();
  await pool.howMany({ history: realistic, days: MAX_HORIZON_DAYS, trials: 100_000, seed: 1 });
  const largestMs = performance.now() - start;
  delay.disable();
  const maxDelayMs = delay.max / 1e6;
  rows.push([`pool: how-many, ${MAX_HORIZON_DAYS} days ahead, 100,000 trials (the largest allowed)`, `${(largestMs / 1000).toFixed(1)} s; event-loop delay meanwhile max ${maxDelayMs.toFixed(1)} ms`]);
  await pool.onModuleDestroy();
  report('forecast', rows, { targetMs: TARGET_MS, runs: RUNS, cases: data, largest: { ms: largestMs, maxEventLoopDelayMs: maxDelayMs } });
}

void main();
