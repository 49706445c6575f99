import { Injectable } from '@nestjs/common';
import { durationDays, endOfLocalDay, type Summary } from '@flowlens/metrics';
import { sortedCycleTimesSql, summariseDurations } from './elapsed-time.query';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';
import { mayBeInProgressBefore } from './sql-fragments';

export interface AgingRow {
  readonly itemKey: string;
  readonly stage: string;
  readonly category: string;
  readonly startedAt: string;
  readonly ageDays: number;
}

export interface AgingResult {
  readonly asOf: string;
  /** The oldest `limit` items in progress, oldest first. */
  readonly items: AgingRow[];
  readonly itemsTotal: number;
  /** Cycle time of the items done in [from, to]: what the ages are read against. */
  readonly cycleTime: Summary;
}

/** In progress at the aging instant: the segment then (index k) is active or wait. */
const IN_PROGRESS = "created_at < {before:Int64} AND k > 0 AND seg_cat[k] IN ('active', 'wait')";

/**
 * Items in active/wait at t = min(end of `to`, asOf), aged t - startedAt. At the end of `to`
 * the state is the one after every event before the next local day; at the evaluation instant
 * it includes the events at that very instant. The cycle times of the window come from the
 * same scan (one read of the items instead of two).
 */
@Injectable()
export class AgingQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext, limit = Number.MAX_SAFE_INTEGER): Promise<AgingResult> {
    const toEnd = endOfLocalDay(ctx.to, ctx.timezone);
    const t = ctx.asOf < toEnd ? ctx.asOf : toEnd;
    const before = t === toEnd ? t : t + 1;
    const [row] = await this.items.query<{ cycle_ms: number[]; total: number; oldest: Array<[number, string, string, string]> }>(
      ctx,
      `SELECT
         ${sortedCycleTimesSql(DONE_IN_WINDOW)} AS cycle_ms,
         countIf(${IN_PROGRESS}) AS total,
         arraySlice(arrayPartialSort({limit:UInt64}, groupArrayIf((assumeNotNull(started_at), item_key, seg_stage[k], seg_cat[k]), ${IN_PROGRESS})), 1, {limit:UInt64}) AS oldest
       FROM (
         SELECT item_key, seg_stage, seg_cat, created_at, started_at, done_at,
                if(${mayBeInProgressBefore('{before:Int64}')}, arrayLastIndex(a -> a < {before:Int64}, seg_at), 0) AS k
         FROM items)`,
      { before, limit },
    );
    // Oldest first: (startedAt, itemKey) ascending, so the age falls down the list.
    const items = (row?.oldest ?? []).map(([startedAt, itemKey, stage, category]) => ({
      itemKey,
      stage,
      category,
      startedAt: new Date(Number(startedAt)).toISOString(),
      ageDays: durationDays(Number(startedAt), t),
    }));
    return { asOf: new Date(t).toISOString(), items, itemsTotal: Number(row?.total ?? 0), cycleTime: summariseDurations(row?.cycle_ms ?? []) };
  }
}
