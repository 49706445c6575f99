import { localDateOf, weekStartOf } from '../time/local-day.util';
import type { Timelines } from './build-timelines';
import { doneInWindow, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export type ThroughputInterval = 'day' | 'week';

export interface ThroughputResult {
  readonly total: number;
  /** Every bucket of the window, empty ones included; `start` is the local date (a Monday for weeks). */
  readonly series: ReadonlyArray<{ readonly start: string; readonly count: number }>;
}

/**
 * Items whose doneAt falls in each local day or Monday-started week. Only doneAt within
 * [from, to] counts, so partial first and last weeks hold only the window's days.
 */
export function computeThroughput(
  timelines: Timelines,
  query: MetricQuery,
  interval: ThroughputInterval = 'day',
): ThroughputResult {
  const context = metricContext(timelines, query);
  const bucketOf = (date: string) => (interval === 'day' ? date : weekStartOf(date));
  const counts = new Map<string, number>();
  for (const date of context.dates) counts.set(bucketOf(date), 0);
  const done = doneInWindow(context);
  for (const item of done) {
    const bucket = bucketOf(localDateOf(item.doneAt as number, context.zone));
    counts.set(bucket, (counts.get(bucket) ?? 0) + 1);
  }
  return { total: done.length, series: [...counts].map(([start, count]) => ({ start, count })) };
}
