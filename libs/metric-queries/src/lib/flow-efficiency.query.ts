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
    const length = `greatest(0, least(if(i < seg_n, seg_at[i + 1], assumeNotNull(done_at)), assumeNotNull(done_at)) - greatest(seg_at[i], assumeNotNull(started_at)))`;
    const [row] = await this.items.query<{ active: number; wait: number }>(
      ctx,
      `SELECT
         toInt64(sum(arraySum(i -> if(seg_cat[i] = 'active' AND seg_blocked[i] = 0, ${length}, 0), arrayEnumerate(seg_at)))) AS active,
         toInt64(sum(arraySum(i -> if(seg_cat[i] = 'wait' OR (seg_cat[i] = 'active' AND seg_blocked[i] = 1), ${length}, 0), arrayEnumerate(seg_at)))) AS wait
       FROM items WHERE ${DONE_IN_WINDOW}`,
    );
    const active = Number(row?.active ?? 0);
    const wait = Number(row?.wait ?? 0);
    return { efficiency: active + wait > 0 ? active / (active + wait) : null, activeDays: active / MS_PER_DAY, waitDays: wait / MS_PER_DAY };
  }
}
