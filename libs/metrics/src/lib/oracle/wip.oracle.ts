import { IN_PROGRESS_CATEGORIES } from '../workflow/workflow-map.schema';
import { endOfLocalDay } from '../time/local-day.util';
import type { Timelines } from './build-timelines';
import { segmentBefore } from './evaluated-item';
import { metricContext, type MetricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export interface WipResult {
  readonly series: ReadonlyArray<{ readonly date: string; readonly wip: number }>;
}

/** Per local day: items whose category at the end of the day is active or wait. */
export function computeWip(timelines: Timelines, query: MetricQuery): WipResult {
  const context = metricContext(timelines, query);
  return { series: context.dates.map((date) => ({ date, wip: wipBefore(context, endOfLocalDay(date, context.zone)) })) };
}

/** Items in progress after every event strictly before instant `x`. */
export function wipBefore(context: MetricContext, x: number): number {
  return context.items.filter((item) => {
    const segment = segmentBefore(item, x);
    return segment !== null && IN_PROGRESS_CATEGORIES.has(segment.stage.category);
  }).length;
}
