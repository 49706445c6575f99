// Pure transforms from API answers to chart series: unit-tested (chart-data.spec.ts), no DOM.
import type { AgingItem, Cfd, ElapsedItem, Outcome, Percentiles } from './api-types';

export interface CfdSeries {
  readonly dates: string[];
  /** Bottom band first: done, then the stages back up the map to the backlog on top. */
  readonly bands: Array<{ stage: string; category: string; values: number[] }>;
}

/** Cumulative flow bands in map order, stacked with the done stage at the bottom; `removed` stages are left out. */
export function cfdSeries(cfd: Cfd): CfdSeries {
  const stages = cfd.stages.filter((s) => cfd.categories[s] !== 'removed');
  return {
    dates: cfd.series.map((p) => p.date),
    bands: [...stages].reverse().map((stage) => ({ stage, category: cfd.categories[stage] ?? 'active', values: cfd.series.map((p) => p.counts[stage] ?? 0) })),
  };
}

export interface ScatterPoint {
  readonly value: [number, number];
  readonly itemKey: string;
  readonly startedAt: string;
  readonly doneAt: string;
}

/** One dot per finished item: x = done instant, y = cycle time in days. */
export function scatterPoints(items: readonly ElapsedItem[]): ScatterPoint[] {
  return items.map((i) => ({ value: [Date.parse(i.doneAt), i.days], itemKey: i.itemKey, startedAt: i.startedAt, doneAt: i.doneAt }));
}

export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/** Counts per bin of `width` starting at 0 (a value v falls in [k·width, (k+1)·width)); empty bins included. */
export function histogram(values: readonly number[], width = 1): Bin[] {
  if (values.length === 0) return [];
  const counts: number[] = [];
  for (const v of values) {
    const k = Math.max(0, Math.floor(v / width));
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return Array.from(counts, (c, k) => ({ from: k * width, to: (k + 1) * width, count: c ?? 0 }));
}

/** A bin width that gives about `target` bins over the values' range: 1, 2, 5, 10, 20… */
export function niceBinWidth(values: readonly number[], target = 30): number {
  const max = values.reduce((m, v) => Math.max(m, v), 0);
  const raw = max / target;
  for (const step of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]) if (raw <= step) return step;
  return Math.ceil(raw / 1000) * 1000;
}

/**
 * How many periods finished how many items (0 included), in bins of `width` counts: the throughput
 * histogram. A portfolio's weeks finish thousands of items: one bar per count would be thousands
 * of bars for a dozen weeks (unreadable, and ~0.15 s to draw).
 */
export function frequencies(counts: readonly number[], width = 1): Array<{ from: number; to: number; periods: number; label: string }> {
  return histogram(counts, width).map((b) => ({ from: b.from, to: b.to, periods: b.count, label: width === 1 ? String(b.from) : `${b.from}–${b.to - 1}` }));
}

export type Pace = 'within-p50' | 'within-p70' | 'within-p85' | 'within-p95' | 'beyond-p95';
export const PACES: readonly Pace[] = ['within-p50', 'within-p70', 'within-p85', 'within-p95', 'beyond-p95'];

/** Where an item's age stands against the cycle-time percentiles of the window. */
export function paceOf(ageDays: number, p: Percentiles): Pace {
  if (p.p50 === null || ageDays <= p.p50) return 'within-p50';
  if (p.p70 !== null && ageDays <= p.p70) return 'within-p70';
  if (p.p85 !== null && ageDays <= p.p85) return 'within-p85';
  if (p.p95 !== null && ageDays <= p.p95) return 'within-p95';
  return 'beyond-p95';
}

export interface AgingPoint {
  /** x: the stage's column (with a small deterministic spread so dots do not hide each other), y: age in days. */
  readonly value: [number, number];
  readonly itemKey: string;
  readonly stage: string;
  readonly pace: Pace;
}

/** Aging WIP dots by in-progress stage, in map order; items of a stage the map does not list go last. */
export function agingPoints(items: readonly AgingItem[], stageOrder: readonly string[], percentiles: Percentiles): { stages: string[]; points: AgingPoint[] } {
  const present = new Set(items.map((i) => i.stage));
  const stages = [...stageOrder.filter((s) => present.has(s)), ...[...present].filter((s) => !stageOrder.includes(s)).sort()];
  const seen = new Map<string, number>();
  const points = items.map((item) => {
    const n = seen.get(item.stage) ?? 0;
    seen.set(item.stage, n + 1);
    const spread = ((n % 9) - 4) * 0.05;
    return { value: [stages.indexOf(item.stage) + spread, item.ageDays] as [number, number], itemKey: item.itemKey, stage: item.stage, pace: paceOf(item.ageDays, percentiles) };
  });
  return { stages, points };
}

/** Items beyond a percentile of the window's cycle time (none when it is unknown). */
export function countBeyond(items: readonly AgingItem[], limit: number | null): number {
  return limit === null ? 0 : items.filter((i) => i.ageDays > limit).length;
}

/** Trial outcomes as bars, and the share of trials at or beyond each: the forecast histogram. */
export function outcomeBars(outcomes: readonly Outcome[]): Array<{ value: number; trials: number; share: number }> {
  const total = outcomes.reduce((s, o) => s + o.trials, 0);
  return [...outcomes].sort((a, b) => a.value - b.value).map((o) => ({ ...o, share: total > 0 ? o.trials / total : 0 }));
}
