import { summarise, type Summary } from '../stats/summarise';
import { durationDays, isoOf } from '../time/duration.util';
import type { Timelines } from './build-timelines';
import type { EvaluatedItem } from './evaluated-item';
import { doneInWindow, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export interface ElapsedTimeItem {
  readonly itemKey: string;
  readonly createdAt: string;
  readonly startedAt: string;
  readonly doneAt: string;
  readonly days: number;
}

export interface ElapsedTimeResult extends Summary {
  /** Ordered by doneAt, then itemKey. */
  readonly items: readonly ElapsedTimeItem[];
}

/** Cycle time (doneAt - startedAt, days) of the items done within [from, to]. */
export function computeCycleTime(timelines: Timelines, query: MetricQuery): ElapsedTimeResult {
  return elapsed(doneInWindow(metricContext(timelines, query)), (item) => item.startedAt as number);
}

/** Lead time (doneAt - createdAt, days) of the items done within [from, to]. */
export function computeLeadTime(timelines: Timelines, query: MetricQuery): ElapsedTimeResult {
  return elapsed(doneInWindow(metricContext(timelines, query)), (item) => item.createdAt);
}

export function elapsed(done: readonly EvaluatedItem[], startOf: (item: EvaluatedItem) => number): ElapsedTimeResult {
  // A done item always has startedAt: entering done starts it if nothing did before.
  const items = done.map((item) => ({
    itemKey: item.timeline.itemKey,
    createdAt: isoOf(item.createdAt),
    startedAt: isoOf(item.startedAt as number),
    doneAt: isoOf(item.doneAt as number),
    days: durationDays(startOf(item), item.doneAt as number),
  }));
  return { ...summarise(items.map((item) => item.days)), items };
}
