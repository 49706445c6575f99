import { Injectable } from '@nestjs/common';
import { FLOW_TYPES, type FlowType, type FlowTypeMap, flowTypeFor } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';

export interface FlowDistributionResult {
  readonly total: number;
  readonly byType: Record<FlowType, number | null>;
  readonly counts: Record<FlowType, number>;
}

/** Share of the items done in the window per flow type (from the configurable issue-type map). */
@Injectable()
export class FlowDistributionQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext, typeMap?: FlowTypeMap): Promise<FlowDistributionResult> {
    const rows = await this.items.query<{ type: string; n: number }>(ctx, `SELECT type, toUInt32(count()) AS n FROM items WHERE ${DONE_IN_WINDOW} GROUP BY type`);
    return flowDistributionOf(rows, typeMap);
  }
}

/** Shares per flow type from the count of done items per raw type. */
export function flowDistributionOf(rows: ReadonlyArray<{ type: string; n: number }>, typeMap?: FlowTypeMap): FlowDistributionResult {
  const counts = Object.fromEntries(FLOW_TYPES.map((t) => [t, 0])) as Record<FlowType, number>;
  let total = 0;
  for (const row of rows) {
    counts[flowTypeFor(row.type === '' ? null : row.type, typeMap)] += Number(row.n);
    total += Number(row.n);
  }
  const byType = Object.fromEntries(FLOW_TYPES.map((t) => [t, total === 0 ? null : counts[t] / total])) as Record<FlowType, number | null>;
  return { total, byType, counts };
}
