import { Injectable } from '@nestjs/common';
import type { FlowTypeMap, Summary } from '@flowlens/metrics';
import { sortedCycleTimesSql, summariseDurations } from './elapsed-time.query';
import { EvaluatedItemsSource } from './evaluated-items.source';
import { type FlowDistributionResult, flowDistributionOf } from './flow-distribution.query';
import { efficiencySumsSql, type FlowEfficiencyResult, flowEfficiencyOf, SEGMENT_ENDS_AT_DONE } from './flow-efficiency.query';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';
import { mayBeInProgressBefore, OPEN_END, segmentEnds } from './sql-fragments';

export interface FlowFrameworkResult {
  /** Flow velocity: items done in the window. */
  readonly velocity: number;
  /** Flow time: cycle time of the items done in the window. */
  readonly time: Summary;
  /** Flow load: WIP at the end of `to`. */
  readonly load: number;
  readonly efficiency: FlowEfficiencyResult;
  readonly distribution: FlowDistributionResult;
}

/** In an active or wait stage at the end of `to`. */
const IN_PROGRESS_AT_END = `${mayBeInProgressBefore('{toEndMs:Int64}')}
  AND arrayExists((a, e, c) -> a < {toEndMs:Int64} AND e >= {toEndMs:Int64} AND c IN ('active', 'wait'), seg_at, seg_open_end, seg_cat)`;

/**
 * The Flow Framework figures in one scan: the same cycle-time, flow-efficiency and distribution
 * figures as their own queries (conditional aggregates over the items done in the window), and
 * the load as the WIP endpoint counts it on the window's last day (a segment in force at its end).
 */
@Injectable()
export class FlowFrameworkQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext, typeMap?: FlowTypeMap): Promise<FlowFrameworkResult> {
    const [row] = await this.items.query<{ ms: number[]; active: number; wait: number; types: [string[], number[]]; load: number }>(
      ctx,
      `SELECT ${sortedCycleTimesSql('done')} AS ms,
              ${efficiencySumsSql('done')},
              sumMapIf([type], [toUInt64(1)], done) AS types,
              toUInt64(countIf(${IN_PROGRESS_AT_END})) AS load
       FROM (
         SELECT *, (${DONE_IN_WINDOW}) AS done, ${SEGMENT_ENDS_AT_DONE}, ${segmentEnds(OPEN_END)} AS seg_open_end
         FROM items
       )`,
      {},
      { shared: true },
    );
    const time = summariseDurations(row?.ms ?? []);
    const [types, counts] = row?.types ?? [[], []];
    return {
      velocity: time.count,
      time,
      load: Number(row?.load ?? 0),
      efficiency: flowEfficiencyOf(Number(row?.active ?? 0), Number(row?.wait ?? 0)),
      distribution: flowDistributionOf(types.map((type, i) => ({ type, n: Number(counts[i]) })), typeMap),
    };
  }
}
