import { mean, summarise } from '../stats/summarise';
import { durationDays } from '../time/duration.util';
import { endOfLocalDay } from '../time/local-day.util';
import type { Timelines } from './build-timelines';
import { doneInWindow, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';
import { wipBefore } from './wip.oracle';

export interface LittlesLawResult {
  readonly days: number;
  /** Mean of the daily WIP series over [from, to]. */
  readonly averageWip: number;
  /** Items done in the window / days in the window. */
  readonly averageThroughput: number;
  /** Mean cycle time of the items done in the window; null when none was done. */
  readonly averageCycleTime: number | null;
  /** averageWip / averageThroughput; null when nothing was done. */
  readonly predictedCycleTime: number | null;
  /** predicted / actual; null when either is missing or actual is 0. */
  readonly ratio: number | null;
}

/** A diagnostic, not a forecast: how far the window is from Little's Law's steady state. */
export function computeLittlesLaw(timelines: Timelines, query: MetricQuery): LittlesLawResult {
  const context = metricContext(timelines, query);
  const days = context.dates.length;
  const wip = context.dates.map((date) => wipBefore(context, endOfLocalDay(date, context.zone)));
  const done = doneInWindow(context);
  const averageWip = mean(wip) as number;
  const averageThroughput = done.length / days;
  // The cycle-time summary's mean (summed in ascending order), so both endpoints agree to the last bit.
  const averageCycleTime = summarise(done.map((item) => durationDays(item.startedAt as number, item.doneAt as number))).mean;
  const predictedCycleTime = averageThroughput > 0 ? averageWip / averageThroughput : null;
  const ratio =
    predictedCycleTime !== null && averageCycleTime !== null && averageCycleTime > 0 ? predictedCycleTime / averageCycleTime : null;
  return { days, averageWip, averageThroughput, averageCycleTime, predictedCycleTime, ratio };
}
