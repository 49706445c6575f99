import { Injectable } from '@nestjs/common';
import { ClickHouseStore } from '@flowlens/clickhouse';
import { evaluatedItemsSql, type SnapshotSource } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams, itemFilterSql } from './query-params';

/** Runs SQL over the evaluated, filtered items of a query context (`FROM items`). */
@Injectable()
export class EvaluatedItemsSource {
  constructor(readonly store: ClickHouseStore) {}

  /** Every item known at the context's instant, deleted ones included (the board catalogue needs them). */
  allItems<T>(ctx: MetricQueryContext, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    return this.store.query<T>(sql.replaceAll('FROM all_items', `FROM (${evaluatedItemsSql(this.store, sourceOf(ctx), '', hasMaps(ctx))})`), { ...baseParams(ctx), ...params });
  }

  /** `sql` reads `items`: every live item that passes the context's filters. */
  query<T>(ctx: MetricQueryContext, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const items = `(SELECT * FROM (${evaluatedItemsSql(this.store, sourceOf(ctx), '', hasMaps(ctx))}) WHERE ${itemFilterSql(ctx)})`;
    return this.store.query<T>(sql.replaceAll('FROM items', `FROM ${items}`), { ...baseParams(ctx), ...params });
  }
}

export function sourceOf(ctx: MetricQueryContext): SnapshotSource {
  return ctx.pointInTime ? 'point-in-time' : 'present';
}

export function hasMaps(ctx: MetricQueryContext): boolean {
  return Object.keys(ctx.stages.stageOf).length > 0;
}
