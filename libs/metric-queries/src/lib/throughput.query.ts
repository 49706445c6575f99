import { Injectable } from '@nestjs/common';
import { ClickHouseStore } from '@flowlens/clickhouse';
import { itemStateSql } from './item-state.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams, itemFilterSql, localDateSql } from './query-params';
import { bucketStarts, type Interval } from './date-buckets';

export interface ThroughputResult {
  readonly total: number;
  readonly series: Array<{ start: string; count: number }>;
}

/** Items whose doneAt (as of the evaluation instant) falls in each local day or Monday week. */
@Injectable()
export class ThroughputQuery {
  constructor(private readonly store: ClickHouseStore) {}

  async run(ctx: MetricQueryContext, interval: Interval): Promise<ThroughputResult> {
    const day = localDateSql('done_at');
    const bucket = interval === 'week' ? `toMonday(${day})` : day;
    const rows = await this.store.query<{ start: string; count: number }>(
      `SELECT toString(${bucket}) AS start, toUInt32(count()) AS count
       FROM (${itemStateSql(this.store)})
       WHERE ${itemFilterSql(ctx)} AND done_at IS NOT NULL
         AND ${day} BETWEEN toDate({from:String}) AND toDate({to:String})
       GROUP BY start`,
      baseParams(ctx),
    );
    const counts = new Map(rows.map((r) => [r.start, Number(r.count)]));
    const series = bucketStarts(ctx.from, ctx.to, interval).map((start) => ({ start, count: counts.get(start) ?? 0 }));
    return { total: series.reduce((n, b) => n + b.count, 0), series };
  }
}
