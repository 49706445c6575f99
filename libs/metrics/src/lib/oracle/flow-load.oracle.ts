import type { Timelines } from './build-timelines';
import { metricContext } from './metric-context';
import type { MetricQuery } from './metric-query';
import { wipBefore } from './wip.oracle';

export interface FlowLoadResult {
  readonly date: string;
  readonly load: number;
}

/** Flow load: WIP at the end of local day `to` (flow velocity is throughput, flow time cycle time). */
export function computeFlowLoad(timelines: Timelines, query: MetricQuery): FlowLoadResult {
  const context = metricContext(timelines, query);
  return { date: query.to, load: wipBefore(context, context.toEndMs) };
}
