import { Injectable } from '@nestjs/common';
import { endOfLocalDay } from '@flowlens/metrics';
import { datesBetween } from './date-buckets';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { boardGrouping, localDate, OPEN_END, perBoard, segmentEnds } from './sql-fragments';

/** Per local date of the window: items started (arrivals), created and done, and the backlog at the end of `to`. */
export interface FlowCounts {
  readonly dates: string[];
  readonly arrivals: number[];
  readonly created: number[];
  readonly throughput: number[];
  readonly backlog: number;
  /** The same in estimate units (sums of the items' current estimates); null when no item has an estimate. */
  readonly estimate: EstimateCounts | null;
}

export interface EstimateCounts {
  /** Items with an estimate (removed ones excepted): what the sums are over. */
  readonly items: number;
  readonly arrivals: number[];
  readonly created: number[];
  readonly throughput: number[];
  readonly backlog: number;
}

/** Active time (ms, clipped to the window) per current board and raw issue type. */
export interface ActiveTimeRow {
  readonly boardId: string;
  readonly type: string;
  readonly ms: number;
}

type FlowRow = { board: string; arrivals: number[]; created: number[]; done: number[]; backlog: number; estimated: number; e_arrivals: number[]; e_created: number[]; e_done: number[]; e_backlog: number };

const dayIndex = (ms: string) => `toInt32(${localDate(ms)}) - toInt32(toDate({from:String}))`;
/** The day index of an instant inside [from, to], else -1 (outside every histogram bucket). */
const inWindow = (ms: string) => `ifNull(if(${ms} >= {fromMs:Int64} AND ${ms} < {toEndMs:Int64}, ${dayIndex(ms)}, -1), -1)`;

/**
 * The item counts behind the capacity figures (metrics.md "Capacity"), one scan each: daily
 * histograms of startedAt, createdAt and doneAt, the items in a backlog stage at the end of
 * `to`, and the active time inside the window. Removed items count nowhere.
 */
@Injectable()
export class CapacityQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async flowCounts(ctx: MetricQueryContext): Promise<FlowCounts> {
    return (await this.flowScan(ctx, false)).get('') ?? this.countsOf(ctx, undefined);
  }

  /** The same counts for each board of the context, from one scan. */
  async flowCountsByBoard(ctx: MetricQueryContext): Promise<Map<string, FlowCounts>> {
    return perBoard(ctx.boardIds, await this.flowScan(ctx, true), () => this.countsOf(ctx, undefined));
  }

  private async flowScan(ctx: MetricQueryContext, byBoard: boolean): Promise<Map<string, FlowCounts>> {
    const dates = datesBetween(ctx.from, ctx.to);
    const createdDay = `if(category = 'removed', -1, ${inWindow('created_at')})`;
    const inBacklog = `arrayExists((s, e, c) -> c = 'backlog' AND s < {toEndMs:Int64} AND e >= {toEndMs:Int64}, seg_at, ${segmentEnds(OPEN_END)}, seg_cat)`;
    const points = 'ifNull(estimate, 0)';
    const board = boardGrouping(byBoard);
    const rows = await this.items.query<FlowRow>(
      ctx,
      `SELECT ${board.select},
              countResample(0, {days:Int32}, 1)(${inWindow('started_at')}) AS arrivals,
              countResample(0, {days:Int32}, 1)(${createdDay}) AS created,
              countResample(0, {days:Int32}, 1)(${inWindow('done_at')}) AS done,
              toUInt64(countIf(${inBacklog})) AS backlog,
              toUInt64(countIf(estimate IS NOT NULL AND category != 'removed')) AS estimated,
              sumResample(0, {days:Int32}, 1)(${points}, ${inWindow('started_at')}) AS e_arrivals,
              sumResample(0, {days:Int32}, 1)(${points}, ${createdDay}) AS e_created,
              sumResample(0, {days:Int32}, 1)(${points}, ${inWindow('done_at')}) AS e_done,
              sumIf(${points}, ${inBacklog}) AS e_backlog
       FROM items ${board.groupBy}`,
      { days: dates.length },
    );
    return new Map(rows.map((row) => [row.board, this.countsOf(ctx, row)]));
  }

  private countsOf(ctx: MetricQueryContext, row: FlowRow | undefined): FlowCounts {
    const dates = datesBetween(ctx.from, ctx.to);
    const counts = (values: readonly number[] | undefined) => dates.map((_, i) => Number(values?.[i] ?? 0));
    const estimated = Number(row?.estimated ?? 0);
    const estimate = estimated === 0 ? null : { items: estimated, arrivals: counts(row?.e_arrivals), created: counts(row?.e_created), throughput: counts(row?.e_done), backlog: Number(row?.e_backlog ?? 0) };
    return { dates, arrivals: counts(row?.arrivals), created: counts(row?.created), throughput: counts(row?.done), backlog: Number(row?.backlog ?? 0), estimate };
  }

  /**
   * Time in active stages, not blocked, inside [start of `from`, min(end of `to`, asOf)): each
   * segment clipped to the window, an open one running to its end.
   */
  async activeTime(ctx: MetricQueryContext): Promise<ActiveTimeRow[]> {
    const rows = await this.items.query<{ board_id: string; type: string; ms: number }>(
      ctx,
      `SELECT board_id, type, toInt64(sum(arraySum(arrayMap((s, e, c, b) -> if(c = 'active' AND b = 0, greatest(0, least(e, {until:Int64}) - greatest(s, {fromMs:Int64})), 0),
                 seg_at, ${segmentEnds('{until:Int64}')}, seg_cat, seg_blocked)))) AS ms
       FROM items WHERE started_at IS NOT NULL AND started_at < {until:Int64} AND (done_at IS NULL OR done_at > {fromMs:Int64})
       GROUP BY board_id, type HAVING ms > 0 ORDER BY board_id, type`,
      { until: Math.min(ctx.asOf, endOfLocalDay(ctx.to, ctx.timezone)) },
    );
    return rows.map((r) => ({ boardId: r.board_id, type: r.type, ms: Number(r.ms) }));
  }

  /** Items not yet done (in a backlog, active or wait stage) per current board, at the context's instant. */
  async remainingByBoard(ctx: MetricQueryContext): Promise<Map<string, number>> {
    const rows = await this.items.query<{ board_id: string; n: number }>(ctx, `SELECT board_id, toUInt64(count()) AS n FROM items WHERE category IN ('backlog', 'active', 'wait') GROUP BY board_id`);
    return new Map(rows.map((r) => [r.board_id, Number(r.n)]));
  }
}
