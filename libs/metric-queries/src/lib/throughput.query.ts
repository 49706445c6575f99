import { Injectable } from '@nestjs/common';
import { bucketStarts, type Interval } from './date-buckets';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';
import { boardGrouping, localDate, perBoard, rowsByBoard } from './sql-fragments';

export interface ThroughputResult {
  readonly total: number;
  readonly series: Array<{ start: string; count: number }>;
}

/** Items whose doneAt falls in each local day or Monday week of [from, to]. */
@Injectable()
export class ThroughputQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext, interval: Interval): Promise<ThroughputResult> {
    return (await this.scan(ctx, interval, false)).get('') ?? this.resultOf(ctx, interval, []);
  }

  /** The same figure for each board of the context, from one scan. */
  async byBoard(ctx: MetricQueryContext, interval: Interval): Promise<Map<string, ThroughputResult>> {
    return perBoard(ctx.boardIds, await this.scan(ctx, interval, true), () => this.resultOf(ctx, interval, []));
  }

  private async scan(ctx: MetricQueryContext, interval: Interval, byBoard: boolean): Promise<Map<string, ThroughputResult>> {
    const day = localDate('done_at');
    const board = boardGrouping(byBoard);
    const rows = await this.items.query<{ board: string; start: string; count: number }>(
      ctx,
      `SELECT ${board.select}, toString(${interval === 'week' ? `toMonday(${day})` : day}) AS start, toUInt32(count()) AS count
       FROM items WHERE ${DONE_IN_WINDOW} GROUP BY ${board.key}, start`,
    );
    return new Map([...rowsByBoard(rows)].map(([key, list]) => [key, this.resultOf(ctx, interval, list)]));
  }

  private resultOf(ctx: MetricQueryContext, interval: Interval, rows: ReadonlyArray<{ start: string; count: number }>): ThroughputResult {
    const counts = new Map(rows.map((r) => [r.start, Number(r.count)]));
    const series = bucketStarts(ctx.from, ctx.to, interval).map((start) => ({ start, count: counts.get(start) ?? 0 }));
    return { total: series.reduce((n, b) => n + b.count, 0), series };
  }
}
