import { Injectable } from '@nestjs/common';
import { bucketStarts, type Interval } from './date-buckets';
import { EvaluatedItemsSource } from './evaluated-items.source';
import type { MetricQueryContext } from './query-context';
import { DONE_IN_WINDOW } from './query-params';
import { localDate } from './sql-fragments';

export interface ThroughputResult {
  readonly total: number;
  readonly series: Array<{ start: string; count: number }>;
}

/** Items whose doneAt falls in each local day or Monday week of [from, to]. */
@Injectable()
export class ThroughputQuery {
  constructor(private readonly items: EvaluatedItemsSource) {}

  async run(ctx: MetricQueryContext, interval: Interval): Promise<ThroughputResult> {
    const day = localDate('done_at');
    const rows = await this.items.query<{ start: string; count: number }>(
      ctx,
      `SELECT toString(${interval === 'week' ? `toMonday(${day})` : day}) AS start, toUInt32(count()) AS count
       FROM items WHERE ${DONE_IN_WINDOW} GROUP BY start`,
    );
    const counts = new Map(rows.map((r) => [r.start, Number(r.count)]));
    const series = bucketStarts(ctx.from, ctx.to, interval).map((start) => ({ start, count: counts.get(start) ?? 0 }));
    return { total: series.reduce((n, b) => n + b.count, 0), series };
  }
}
