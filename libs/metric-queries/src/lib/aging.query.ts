import { Injectable } from '@nestjs/common';
import { durationDays, endOfLocalDay } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';

export interface AgingRow {
  readonly itemKey: string;
  readonly stage: string;
  readonly category: string;
  readonly startedAt: string;
  readonly ageDays: number;
}

/**
 * Items in active/wait at t = min(end of `to`, asOf), aged t - startedAt. At the end of `to`
 * the state is the one after every event before the next local day; at the evaluation instant
 * it includes the events at that very instant.
 */
@Injectable()
export class AgingQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext): Promise<{ asOf: string; items: AgingRow[] }> {
    const toEnd = endOfLocalDay(ctx.to, ctx.timezone);
    const t = ctx.asOf < toEnd ? ctx.asOf : toEnd;
    const before = t === toEnd ? t : t + 1;
    const rows = await this.items.query<{ item_key: string; stage: string; category: string; started_at: number }>(
      ctx,
      `SELECT item_key, seg_stage[k] AS stage, seg_cat[k] AS category, started_at
       FROM (SELECT item_key, seg_stage, seg_cat, started_at, created_at, arrayLastIndex(a -> a < {before:Int64}, seg_at) AS k FROM items)
       WHERE created_at < {before:Int64} AND k > 0 AND seg_cat[k] IN ('active', 'wait')`,
      { before },
    );
    const items = rows
      .map((r) => ({ itemKey: r.item_key, stage: r.stage, category: r.category, startedAt: new Date(Number(r.started_at)).toISOString(), ageDays: durationDays(Number(r.started_at), t) }))
      .sort((a, b) => b.ageDays - a.ageDays || (a.itemKey < b.itemKey ? -1 : a.itemKey > b.itemKey ? 1 : 0));
    return { asOf: new Date(t).toISOString(), items };
  }
}
