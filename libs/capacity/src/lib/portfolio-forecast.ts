import { DEFAULT_MAX_DAYS, ForecastImpossibleError, forecastHowMany, forecastWhen, mulberry32, percentileOfSorted, reachedIn, wholeDayPercentile } from '@flowlens/metrics';

/** One team of a portfolio forecast: its own daily throughput history. */
export interface TeamHistory {
  readonly id: string;
  readonly history: readonly number[];
}

export interface PortfolioHowMany {
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly trials: number;
}

export interface PortfolioWhen {
  /** Whole days after asOf. */
  readonly p50: number;
  readonly p85: number;
  readonly p95: number;
  readonly trials: number;
  readonly capped: number;
}

/** A fresh seed per (trial, team), drawn from the forecast's seed: trials stay independent and reproducible. */
function seeds(seed: number): () => number {
  const random = mulberry32(seed);
  return () => Math.floor(random() * 2 ** 31);
}

/**
 * How many items the portfolio finishes in `days`: each portfolio trial is one trial of every
 * team's own simulation (forecastHowMany on its history), summed; percentiles as for one board.
 */
export function portfolioHowMany(teams: readonly TeamHistory[], days: number, trials: number, seed: number): PortfolioHowMany {
  const next = seeds(seed);
  const outcomes = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) {
    let total = 0;
    for (const team of teams) total += forecastHowMany({ history: team.history, days, trials: 1, seed: next() }).p50;
    outcomes[trial] = total;
  }
  outcomes.sort();
  return { p50: percentileOfSorted(Array.from(outcomes), 50), p85: reachedIn(outcomes, 85), p95: reachedIn(outcomes, 95), trials };
}

/**
 * When the portfolio finishes: every team simulates its own share (forecastWhen on its history)
 * and a portfolio trial lasts as long as its slowest team. A team with no share takes no days;
 * one with a share but no finished items in its history makes the forecast impossible.
 */
export function portfolioWhen(teams: ReadonlyArray<TeamHistory & { readonly items: number }>, trials: number, seed: number, maxDays = DEFAULT_MAX_DAYS): PortfolioWhen {
  const working = teams.filter((t) => t.items > 0);
  const idle = working.find((t) => !t.history.some((day) => day > 0));
  if (idle) throw new ForecastImpossibleError(`${idle.id} has ${idle.items} item(s) to finish but no finished items in its throughput history`);
  const next = seeds(seed);
  const durations = new Float64Array(trials);
  let capped = 0;
  for (let trial = 0; trial < trials; trial++) {
    let longest = 0;
    let hitCap = false;
    for (const team of working) {
      const run = forecastWhen({ history: team.history, items: team.items, trials: 1, seed: next(), maxDays });
      longest = Math.max(longest, run.p50);
      hitCap ||= run.capped > 0;
    }
    durations[trial] = longest;
    if (hitCap) capped++;
  }
  const sorted = Array.from(durations.sort());
  return { p50: wholeDayPercentile(sorted, 50), p85: wholeDayPercentile(sorted, 85), p95: wholeDayPercentile(sorted, 95), trials, capped };
}

/**
 * Splits `n` items by weights (each team's remaining backlog) with the largest-remainder
 * method, so the parts are whole and sum to `n`; ties go to the earlier team. With no weight
 * at all the split is even.
 */
export function splitByShare(n: number, weights: readonly number[]): number[] {
  if (weights.length === 0) return [];
  const total = weights.reduce((s, w) => s + w, 0);
  const shares = weights.map((w) => (total > 0 ? (n * w) / total : n / weights.length));
  const parts = shares.map(Math.floor);
  let left = n - parts.reduce((s, p) => s + p, 0);
  const order = shares.map((s, i) => ({ i, rest: s - Math.floor(s) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    parts[i] = (parts[i] as number) + 1;
    left--;
  }
  return parts;
}
