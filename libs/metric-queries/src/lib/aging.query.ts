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

  /** The oldest `limit` items are listed (oldest first); `itemsTotal` counts them all. */
  async run(ctx: MetricQueryContext, limit = Number.MAX_SAFE_INTEGER): Promise<{ asOf: string; items: AgingRow[]; itemsTotal: number }> {
    const toEnd = endOfLocalDay(ctx.to, ctx.timezone);
    const t = ctx.asOf < toEnd ? ctx.asOf : toEnd;
    const before = t === toEnd ? t : t + 1;
    const rows = await this.items.query<{ item_key: string; stage: string; category: string; started_at: number; total: number }>(
      ctx,
      `SELECT item_key, seg_stage[k] AS stage, seg_cat[k] AS category, started_at, count() OVER () AS total
       FROM (SELECT item_key, seg_stage, seg_cat, started_at, created_at, arrayLastIndex(a -> a < {before:Int64}, seg_at) AS k FROM items)
       WHERE created_at < {before:Int64} AND k > 0 AND seg_cat[k] IN ('active', 'wait')
       ORDER BY started_at ASC, item_key ASC
       LIMIT {limit:UInt64}`,
      { before, limit: Math.max(1, Math.min(limit, Number.MAX_SAFE_INTEGER)) }, // (one row at least, to read the total)
    );
    // Oldest first: the age falls as startedAt rises (ties by key, as SQL ordered them).
    const items = rows.slice(0, limit).map((r) => ({ itemKey: r.item_key, stage: r.stage, category: r.category, startedAt: new Date(Number(r.started_at)).toISOString(), ageDays: durationDays(Number(r.started_at), t) }));
    return { asOf: new Date(t).toISOString(), items, itemsTotal: Number(rows[0]?.total ?? 0) };
  }
}
