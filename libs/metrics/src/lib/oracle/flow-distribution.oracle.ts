import { FLOW_TYPES, flowTypeFor, type FlowType } from '../flow-type/flow-type';
import type { Timelines } from './build-timelines';
import { doneInWindow, metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';

export interface FlowDistributionResult {
  readonly total: number;
  /** Share of the items done in the window per flow type (0..1); null when nothing was done. */
  readonly byType: Readonly<Record<FlowType, number | null>>;
  readonly counts: Readonly<Record<FlowType, number>>;
}

/** Items done within [from, to] per flow type of their current issue type. */
export function computeFlowDistribution(timelines: Timelines, query: MetricQuery): FlowDistributionResult {
  const done = doneInWindow(metricContext(timelines, query));
  const counts = Object.fromEntries(FLOW_TYPES.map((type) => [type, 0])) as Record<FlowType, number>;
  for (const item of done) counts[flowTypeFor(item.timeline.fields.type, query.flowTypes)]++;
  const total = done.length;
  const byType = Object.fromEntries(FLOW_TYPES.map((type) => [type, total === 0 ? null : counts[type] / total]));
  return { total, byType: byType as Record<FlowType, number | null>, counts };
}
