import { Injectable } from '@nestjs/common';
import { ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { itemSnapshotsSql, materialisedSnapshotsSql } from '@flowlens/projections';
import { evaluatedItemsSql, type SnapshotSource } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams, filterConditions, itemFilterSql } from './query-params';

/** Runs SQL over the evaluated, filtered items of a query context (`FROM items`). */
@Injectable()
export class EvaluatedItemsSource {
  constructor(readonly store: ClickHouseStore) {}

  /**
   * `sql` reads `snapshots`: the items' raw snapshots (no stage mapping), every item known at the
   * context's instant (deleted ones included) or, with `filtered`, the live ones passing the filters.
   */
  snapshots<T>(ctx: MetricQueryContext, sql: string, options: { filtered: boolean }): Promise<T[]> {
    const source = ctx.pointInTime ? itemSnapshotsSql(this.store) : `${materialisedSnapshotsSql(this.store)} ${options.filtered ? this.candidates(ctx) : ''}`;
    const rows = options.filtered ? `(SELECT * FROM (${source}) WHERE ${itemFilterSql(ctx)})` : `(${source})`;
    return this.store.query<T>(sql.replaceAll('FROM snapshots', `FROM ${rows}`), baseParams(ctx));
  }

  /** `sql` reads `items`: every live item that passes the context's filters. */
  query<T>(ctx: MetricQueryContext, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const items = `(SELECT * FROM (${evaluatedItemsSql(this.store, sourceOf(ctx), this.candidates(ctx), hasMaps(ctx))}) WHERE ${itemFilterSql(ctx)})`;
    return this.store.query<T>(sql.replaceAll('FROM items', `FROM ${items}`), { ...baseParams(ctx), ...params });
  }

  /**
   * With filters, the present's snapshots narrowed to the items any stored version of which
   * passes them: found without FINAL (a superset, since FINAL keeps one of those versions), so
   * that FINAL merges only their granules; the filters still decide on the latest version.
   * Point in time filters on the state as of then, which no stored version tells.
   */
  private candidates(ctx: MetricQueryContext): string {
    const conditions = filterConditions(ctx);
    if (ctx.pointInTime || conditions.length === 0) return '';
    return `AND item_id IN (SELECT item_id FROM ${this.store.table(TABLES.itemSnapshots)} WHERE workspace_id = {ws:String} AND ${conditions.join(' AND ')})`;
  }
}

export function sourceOf(ctx: MetricQueryContext): SnapshotSource {
  return ctx.pointInTime ? 'point-in-time' : 'present';
}

export function hasMaps(ctx: MetricQueryContext): boolean {
  return Object.keys(ctx.stages.stageOf).length > 0;
}
