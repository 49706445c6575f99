import { Injectable } from '@nestjs/common';
import { MS_PER_DAY } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';

export interface FlowEfficiencyResult {
  readonly efficiency: number | null;
  readonly activeDays: number;
  readonly waitDays: number;
}

/** Σ active / Σ (active + wait) between startedAt and doneAt of items done in the window; blocked active time is wait. */
@Injectable()
export class FlowEfficiencyQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext): Promise<FlowEfficiencyResult> {
    // Each segment's time between startedAt and doneAt; the lambdas capture no array (see stage-occupancy).
    const length = 'greatest(0, least(e, assumeNotNull(done_at)) - greatest(a, assumeNotNull(started_at)))';
    const sum = (when: string) => `toInt64(sum(arraySum((a, e, c, b) -> if(${when}, ${length}, 0), seg_at, seg_end, seg_cat, seg_blocked)))`;
    const [row] = await this.items.query<{ active: number; wait: number }>(
      ctx,
      `SELECT ${sum("c = 'active' AND b = 0")} AS active, ${sum("c = 'wait' OR (c = 'active' AND b = 1)")} AS wait
       FROM (SELECT *, arrayPushBack(arrayPopFront(seg_at), assumeNotNull(done_at)) AS seg_end FROM items WHERE ${DONE_IN_WINDOW})`,
    );
    const active = Number(row?.active ?? 0);
    const wait = Number(row?.wait ?? 0);
    return { efficiency: active + wait > 0 ? active / (active + wait) : null, activeDays: active / MS_PER_DAY, waitDays: wait / MS_PER_DAY };
  }
}
