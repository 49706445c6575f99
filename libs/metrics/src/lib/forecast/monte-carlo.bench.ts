/**
 * Micro-benchmark of the Monte Carlo forecasts (not a test: it prints timings).
 * Run: node scripts/build.mjs && node dist/libs/metrics/src/lib/forecast/monte-carlo.bench.js
 */
import { performance } from 'node:perf_hooks';
import { forecastHowMany } from './forecast-how-many';
import { forecastWhen } from './forecast-when';
import { mulberry32 } from './prng';

/** Zero days with probability 1 - busyShare, else 1..maxPerDay items, like a real team's throughput. */
function history(days: number, busyShare: number, maxPerDay: number, seed: number): number[] {
  const random = mulberry32(seed);
  return Array.from({ length: days }, () => (random() < busyShare ? 1 + Math.floor(random() * maxPerDay) : 0));
}

function time(label: string, run: () => unknown, repeats = 5): void {
  run();
  const samples: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  process.stdout.write(`${label.padEnd(58)} median ${samples[Math.floor(repeats / 2)].toFixed(1)} ms, max ${samples[repeats - 1].toFixed(1)} ms\n`);
}

const realistic = history(90, 0.65, 3, 1);
const sparse = history(90, 0.15, 2, 2);
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
process.stdout.write(`history means: realistic ${mean(realistic).toFixed(2)}/day, sparse ${mean(sparse).toFixed(2)}/day\n`);
time('how-many: 10k trials, 90-day history, 90 days ahead', () => forecastHowMany({ history: realistic, days: 90, seed: 1 }));
time('how-many: 10k trials, 90-day history, 365 days ahead', () => forecastHowMany({ history: realistic, days: 365, seed: 1 }));
time('when: 10k trials, realistic history, N = 50', () => forecastWhen({ history: realistic, items: 50, seed: 1 }));
time('when: 10k trials, realistic history, N = 500', () => forecastWhen({ history: realistic, items: 500, seed: 1 }));
time('when: 10k trials, sparse history, N = 500', () => forecastWhen({ history: sparse, items: 500, seed: 1 }));
