import { summarise } from '../stats/summarise';
import { durationDays, isoOf } from '../time/duration.util';
import { IN_PROGRESS_CATEGORIES, type StageCategory } from '../workflow/workflow-map.schema';
import type { Timelines } from './build-timelines';
import { segmentBefore } from './evaluated-item';
import { doneInWindow, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export interface AgingItem {
  readonly itemKey: string;
  readonly stage: string;
  readonly category: StageCategory;
  readonly startedAt: string;
  readonly ageDays: number;
}

export interface AgingResult {
  /** The instant ages are measured at: min(end of `to`, evaluation instant). */
  readonly asOf: string;
  /** Oldest first, then by itemKey. */
  readonly items: readonly AgingItem[];
  /** Cycle-time percentiles of the items done within [from, to]. */
  readonly percentiles: { readonly p50: number | null; readonly p70: number | null; readonly p85: number | null; readonly p95: number | null };
}

/**
 * Items in active/wait at t = min(end of local day `to`, evaluation instant), with age
 * t - startedAt. At the end of `to` the state is the one after every event before the next
 * local day; at the evaluation instant it includes the events at that very instant.
 */
export function computeAging(timelines: Timelines, query: MetricQuery): AgingResult {
  const context = metricContext(timelines, query);
  const evaluated = context.evaluatedAt;
  const t = evaluated !== null && evaluated < context.toEndMs ? evaluated : context.toEndMs;
  const before = t === context.toEndMs ? t : t + 1;
  const items: AgingItem[] = [];
  for (const item of context.items) {
    const segment = segmentBefore(item, before);
    if (!segment || !IN_PROGRESS_CATEGORIES.has(segment.stage.category)) continue;
    items.push({
      itemKey: item.timeline.itemKey,
      stage: segment.stage.name,
      category: segment.stage.category,
      startedAt: isoOf(item.startedAt as number),
      ageDays: durationDays(item.startedAt as number, t),
    });
  }
  items.sort((a, b) => b.ageDays - a.ageDays || (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
  const cycle = summarise(doneInWindow(context).map((item) => durationDays(item.startedAt as number, item.doneAt as number)));
  return { asOf: isoOf(t), items, percentiles: { p50: cycle.p50, p70: cycle.p70, p85: cycle.p85, p95: cycle.p95 } };
}
