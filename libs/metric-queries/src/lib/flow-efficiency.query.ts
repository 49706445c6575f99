import { Injectable } from '@nestjs/common';
import { MS_PER_DAY } from '@flowlens/metrics';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';
import { boardGrouping, perBoard, segmentEnds } from './sql-fragments';

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
    const [row] = await this.items.query<{ active: number; wait: number }>(
      ctx,
      `SELECT ${efficiencySumsSql()} FROM (SELECT *, ${SEGMENT_ENDS_AT_DONE} FROM items WHERE ${DONE_IN_WINDOW})`,
    );
    return flowEfficiencyOf(Number(row?.active ?? 0), Number(row?.wait ?? 0));
  }

  /** The same figure for each board of the context, from one scan. */
  async byBoard(ctx: MetricQueryContext): Promise<Map<string, FlowEfficiencyResult>> {
    const board = boardGrouping(true);
    const rows = await this.items.query<{ board: string; active: number; wait: number }>(
      ctx,
      `SELECT ${board.select}, ${efficiencySumsSql()} FROM (SELECT *, ${SEGMENT_ENDS_AT_DONE} FROM items WHERE ${DONE_IN_WINDOW}) ${board.groupBy}`,
    );
    return perBoard(ctx.boardIds, new Map(rows.map((r) => [r.board, flowEfficiencyOf(Number(r.active), Number(r.wait))])), () => flowEfficiencyOf(0, 0));
  }
}

/** Each segment's end, the last one ending at doneAt (for items done). */
export const SEGMENT_ENDS_AT_DONE = `${segmentEnds('assumeNotNull(done_at)')} AS seg_end`;

/**
 * Each active or wait segment's time between startedAt and doneAt is simply its length (end -
 * start): startedAt is the first active/wait/done segment's start, and from doneAt on every
 * segment is done. So the lambdas capture nothing (see stage-occupancy), and a segment is
 * summed only on the rows where `rows` holds (the -If of an aggregate would evaluate it on all).
 */
const timeIn = (when: string, rows: string) =>
  `toInt64(sum(if(${rows}, arraySum((a, e, c, b) -> if(${when}, e - a, 0), seg_at, seg_end, seg_cat, seg_blocked), 0)))`;
/** `active` and `wait` (ms) summed over the rows where `rows` holds (done items, with {@link SEGMENT_ENDS_AT_DONE}). */
export const efficiencySumsSql = (rows = 'true') =>
  `${timeIn("c = 'active' AND b = 0", rows)} AS active, ${timeIn("c = 'wait' OR (c = 'active' AND b = 1)", rows)} AS wait`;

export function flowEfficiencyOf(active: number, wait: number): FlowEfficiencyResult {
  return { efficiency: active + wait > 0 ? active / (active + wait) : null, activeDays: active / MS_PER_DAY, waitDays: wait / MS_PER_DAY };
}
