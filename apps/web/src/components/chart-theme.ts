export const COLORS = {
  primary: '#2563eb',
  primarySoft: 'rgba(37, 99, 235, 0.15)',
  grid: '#e5e7eb',
  axis: '#6b7280',
  text: '#111827',
  p50: '#16a34a',
  p70: '#ca8a04',
  p85: '#ea580c',
  p95: '#dc2626',
};

export const CATEGORY_COLORS: Record<string, string[]> = {
  done: ['#15803d', '#22c55e'],
  active: ['#1d4ed8', '#3b82f6', '#60a5fa', '#93c5fd'],
  wait: ['#b45309', '#f59e0b', '#fbbf24'],
  backlog: ['#9ca3af', '#d1d5db'],
  removed: ['#e5e7eb'],
};

export const PACE_COLORS: Record<string, string> = {
  'within-p50': '#16a34a',
  'within-p70': '#84cc16',
  'within-p85': '#eab308',
  'within-p95': '#f97316',
  'beyond-p95': '#dc2626',
};

export const TYPE_COLORS: Record<string, string> = { feature: '#2563eb', defect: '#dc2626', risk: '#f59e0b', debt: '#7c3aed', other: '#9ca3af' };

export const baseGrid = { left: 48, right: 24, top: 28, bottom: 36, containLabel: false };
export const axisStyle = {
  axisLine: { lineStyle: { color: COLORS.grid } },
  axisLabel: { color: COLORS.axis, fontSize: 11 },
  splitLine: { lineStyle: { color: COLORS.grid, type: 'dashed' as const } },
};

/** Horizontal percentile lines (p50…p95) over a chart, labelled at the right. */
export function percentileLines(p: { p50: number | null; p70: number | null; p85: number | null; p95: number | null }, names: ReadonlyArray<'p50' | 'p70' | 'p85' | 'p95'> = ['p50', 'p70', 'p85', 'p95']) {
  return {
    silent: true,
    symbol: 'none',
    data: names
      .filter((n) => p[n] !== null && p[n] !== undefined)
      .map((n) => ({
        yAxis: p[n] as number,
        name: n,
        lineStyle: { color: (COLORS as Record<string, string>)[n], type: 'dashed', width: 1.5 },
        label: { formatter: `${n} ${(p[n] as number).toFixed(1)}d`, color: (COLORS as Record<string, string>)[n], position: 'insideEndTop', fontSize: 11 },
      })),
  };
}

/**
 * Scatters draw in ECharts' large mode from this many points (one path, no element per point;
 * tooltips and clicks still find the point): a portfolio's 5,000 done or aging items, ~0.25 s of
 * the page each at 1M items otherwise.
 */
export const LARGE_SCATTER = 2_000;

/**
 * Series options of a scatter of `points` points: large mode, drawn in one pass, from LARGE_SCATTER.
 * Progressive (chunked) drawing stays off: a chart resized or redrawn between two chunks lost
 * whole stage columns of the aging chart on the 1M portfolio.
 */
export function scatterMode(points: number): { large?: boolean; largeThreshold?: number; progressive?: number } {
  return isLargeScatter(points) ? { large: true, largeThreshold: LARGE_SCATTER, progressive: 0 } : {};
}

/** Whether a scatter of `points` points draws in large mode (see scatterMode). */
export function isLargeScatter(points: number): boolean {
  return points >= LARGE_SCATTER;
}
