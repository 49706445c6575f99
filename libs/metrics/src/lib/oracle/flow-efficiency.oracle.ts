import { MS_PER_DAY } from '../time/duration.util';
import type { Timelines } from './build-timelines';
import type { EvaluatedItem } from './evaluated-item';
import { doneInWindow, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export interface FlowEfficiencyResult {
  /** activeDays / (activeDays + waitDays); null when there is no such time. */
  readonly efficiency: number | null;
  readonly activeDays: number;
  readonly waitDays: number;
}

/** Σ active / Σ (active + wait) time between startedAt and doneAt of the items done in the window. */
export function computeFlowEfficiency(timelines: Timelines, query: MetricQuery): FlowEfficiencyResult {
  let active = 0;
  let wait = 0;
  for (const item of doneInWindow(metricContext(timelines, query))) {
    const split = activeAndWait(item);
    active += split.active;
    wait += split.wait;
  }
  return { efficiency: active + wait > 0 ? active / (active + wait) : null, activeDays: active / MS_PER_DAY, waitDays: wait / MS_PER_DAY };
}

/**
 * Milliseconds of active and wait time of a done item between startedAt and doneAt. Active time
 * while blocked (any reason, or a blocked stage) is wait; backlog and done time (after a move
 * back or a reopen) count as neither.
 */
export function activeAndWait(item: EvaluatedItem): { active: number; wait: number } {
  const start = item.startedAt as number;
  const end = item.doneAt as number;
  let active = 0;
  let wait = 0;
  item.segments.forEach((segment, index) => {
    const next = item.segments[index + 1]?.at ?? end;
    const length = Math.max(0, Math.min(next, end) - Math.max(segment.at, start));
    const { category } = segment.stage;
    if (category === 'wait' || (category === 'active' && segment.blocked)) wait += length;
    else if (category === 'active') active += length;
  });
  return { active, wait };
}
