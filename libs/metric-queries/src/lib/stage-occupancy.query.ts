import { Injectable } from '@nestjs/common';
import { datesBetween } from './date-buckets';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { boardGrouping, localDate, OPEN_END, perBoard, rowsByBoard, segmentEnds } from './sql-fragments';

export interface StageDay {
  readonly date: string;
  /** Items per `stage US category` at the end of the day. */
  readonly counts: ReadonlyMap<string, number>;
}

/**
 * Items per stage at the end of every local day of [from, to]. A segment [s, e) is in force at
 * the end of day d when s < end(d) <= e, i.e. from the local day of s up to the day before the
 * local day of e: +1 on the first, -1 on the second, then a running sum over the days (days
 * before `from` are folded into `from`; a segment over before the window, or starting after it,
 * is skipped).
 *
 * The per-day counts are histograms (`-Resample`) of the segments' first and end days, grouped
 * by stage: no row per item and day. The segments are zipped into tuples and filtered by one
 * lambda that captures nothing (a capturing lambda copies the captured arrays for every element).
 */
@Injectable()
export class StageOccupancyQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  /** Items per stage (key `stage US category`) at the end of each day. */
  async run(ctx: MetricQueryContext): Promise<StageDay[]> {
    return this.stageDays(ctx.from, ctx.to, await this.byStage(ctx, datesBetween(ctx.from, ctx.to).length, false));
  }

  /** The same per board of the context, from one scan. */
  async runByBoard(ctx: MetricQueryContext): Promise<Map<string, StageDay[]>> {
    const rows = await this.byStage(ctx, datesBetween(ctx.from, ctx.to).length, true);
    return perBoard(ctx.boardIds, new Map([...rowsByBoard(rows)].map(([board, list]) => [board, this.stageDays(ctx.from, ctx.to, list)])), () => this.stageDays(ctx.from, ctx.to, []));
  }

  private stageDays(from: string, to: string, rows: ReadonlyArray<{ stage: string; category: string; starts: number[]; ends: number[] }>): StageDay[] {
    const perKey = rows.map((r) => ({ key: `${r.stage}\u001f${r.category}`, running: runningSum(r.starts, r.ends) }));
    return datesBetween(from, to).map((date, i) => ({ date, counts: new Map(perKey.filter((k) => k.running[i] !== 0).map((k) => [k.key, k.running[i] as number])) }));
  }

  /** WIP (items in an active or wait stage) at the end of each day. */
  async wip(ctx: MetricQueryContext): Promise<Array<{ date: string; wip: number }>> {
    return (await this.wipScan(ctx, false)).get('') ?? this.wipDays(ctx, null);
  }

  /** The daily WIP of each board of the context, from one scan. */
  async wipByBoard(ctx: MetricQueryContext): Promise<Map<string, Array<{ date: string; wip: number }>>> {
    return perBoard(ctx.boardIds, await this.wipScan(ctx, true), () => this.wipDays(ctx, null));
  }

  /** Per stage: the segments in force at some day's end of the window, one row each, grouped. */
  private byStage(ctx: MetricQueryContext, days: number, byBoard: boolean) {
    const board = boardGrouping(byBoard);
    return this.items.query<{ board: string; stage: string; category: string; starts: number[]; ends: number[] }>(
      ctx,
      `SELECT ${board.select}, segment.1 AS stage, segment.2 AS category,
              countResample(0, {days:Int32}, 1)(${FIRST_DAY('segment.3')}) AS starts,
              countResample(0, {days:Int32}, 1)(${END_DAY('segment.4')}) AS ends
       FROM (SELECT board_id, arrayFilter(s -> s.3 < {toEndMs:Int64} AND s.4 >= {fromMs:Int64}, arrayZip(seg_stage, seg_cat, seg_at, ${segmentEnds(OPEN_END)})) AS segments FROM items)
       ARRAY JOIN segments AS segment
       GROUP BY ${board.key}, stage, category ORDER BY ${board.key}, stage, category`,
      { days },
      { shared: true },
    );
  }

  /** Over the WIP stages: one histogram over each item's array of segments (-Array), no row per segment. */
  private async wipScan(ctx: MetricQueryContext, byBoard: boolean) {
    const dates = datesBetween(ctx.from, ctx.to);
    const board = boardGrouping(byBoard);
    const rows = await this.items.query<{ board: string; starts: number[]; ends: number[] }>(
      ctx,
      `SELECT ${board.select},
              countResampleArray(0, {days:Int32}, 1)(arrayMap(s -> ${FIRST_DAY('s.1')}, segments)) AS starts,
              countResampleArray(0, {days:Int32}, 1)(arrayMap(s -> ${END_DAY('s.2')}, segments)) AS ends
       FROM (
         SELECT board_id,
                arrayFilter(s -> s.1 < {toEndMs:Int64} AND s.2 >= {fromMs:Int64} AND s.3 IN ('active', 'wait'), arrayZip(seg_at, ${segmentEnds(OPEN_END)}, seg_cat)) AS segments
         FROM items) ${board.groupBy}`,
      { days: dates.length },
    );
    return new Map(rows.map((row) => [row.board, this.wipDays(ctx, row)]));
  }

  private wipDays(ctx: MetricQueryContext, row: { starts: number[]; ends: number[] } | null): Array<{ date: string; wip: number }> {
    const dates = datesBetween(ctx.from, ctx.to);
    const running = row ? runningSum(row.starts, row.ends) : dates.map(() => 0);
    return dates.map((date, i) => ({ date, wip: running[i] as number }));
  }
}

/** A segment's first day in the window (days before `from` fold into it) and its end's day (`days` when open). */
const dayIndex = (ms: string) => `toInt32(${localDate(ms)}) - toInt32(toDate({from:String}))`;
const FIRST_DAY = (start: string) => `greatest(${dayIndex(start)}, 0)`;
const END_DAY = (end: string) => `if(${end} = ${OPEN_END}, {days:Int32}, ${dayIndex(end)})`;

/** Running sum of (starts - ends) per day. */
function runningSum(starts: readonly number[], ends: readonly number[]): number[] {
  let n = 0;
  return starts.map((s, i) => (n += Number(s) - Number(ends[i] ?? 0)));
}

export const categoryOf = (stageKey: string) => stageKey.split('\u001f')[1] as string;
export const stageOf = (stageKey: string) => stageKey.split('\u001f')[0] as string;

/** WIP of a day: items in an active or wait stage. */
export function wipOf(day: StageDay): number {
  let wip = 0;
  for (const [key, n] of day.counts) if (categoryOf(key) === 'active' || categoryOf(key) === 'wait') wip += n;
  return wip;
}
