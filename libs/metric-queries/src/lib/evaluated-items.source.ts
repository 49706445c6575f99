import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { ClickHouseStore } from '@flowlens/clickhouse';
import { itemSnapshotsSql, materialisedSnapshotsSql } from '@flowlens/projections';
import { DEFAULT_EVALUATED_ITEMS_CACHE, EvaluatedItemsCache, type EvaluatedItemsCacheOptions } from './evaluated-items.cache';
import { evaluatedItemsSql, type SnapshotSource } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams, itemFilterSql } from './query-params';

/** Bounds of the shared evaluation on the embedded engine (defaults: DEFAULT_EVALUATED_ITEMS_CACHE). */
export const EVALUATED_ITEMS_CACHE_OPTIONS = Symbol('EVALUATED_ITEMS_CACHE_OPTIONS');

/** Runs SQL over the evaluated, filtered items of a query context (`FROM items`). */
@Injectable()
export class EvaluatedItemsSource implements OnModuleDestroy {
  /** On the embedded engine one evaluation serves a page's figures (see EvaluatedItemsCache). */
  private readonly cache: EvaluatedItemsCache | null;

  constructor(
    readonly store: ClickHouseStore,
    @Optional() @Inject(EVALUATED_ITEMS_CACHE_OPTIONS) cacheOptions: EvaluatedItemsCacheOptions = DEFAULT_EVALUATED_ITEMS_CACHE,
  ) {
    this.cache = store.mode === 'embedded' ? new EvaluatedItemsCache(store, cacheOptions) : null;
  }

  async onModuleDestroy(): Promise<void> {
    await this.cache?.clear();
  }

  /**
   * `sql` reads `snapshots`: the items' raw snapshots (no stage mapping), every item known at the
   * context's instant (deleted ones included) or, with `filtered`, the live ones passing the filters.
   */
  snapshots<T>(ctx: MetricQueryContext, sql: string, options: { filtered: boolean }): Promise<T[]> {
    const source = ctx.pointInTime ? itemSnapshotsSql(this.store) : materialisedSnapshotsSql(this.store);
    const rows = options.filtered ? `(SELECT * FROM (${source}) WHERE ${itemFilterSql(ctx)})` : `(${source})`;
    return this.store.query<T>(sql.replaceAll('FROM snapshots', `FROM ${rows}`), baseParams(ctx));
  }

  /**
   * `sql` reads `items`: every live item that passes the context's filters. Evaluated per query (a
   * point in time, or a workspace too large for the shared evaluation), the present items of the
   * context's boards are picked before their evaluation, so a board's figure evaluates that board's
   * items and not the workspace's (a stored snapshot's board is its evaluated board).
   */
  async query<T>(ctx: MetricQueryContext, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    const boardsFirst = ctx.pointInTime || ctx.boardIds.length === 0 ? '' : 'AND board_id IN {boards:Array(String)}';
    const run = (table: string | null) => {
      const evaluated = table ?? `(${evaluatedItemsSql(this.store, sourceOf(ctx), boardsFirst, hasMaps(ctx))})`;
      const items = `(SELECT * FROM ${evaluated} WHERE ${itemFilterSql(ctx)})`;
      return this.store.query<T>(sql.replaceAll('FROM items', `FROM ${items}`), { ...baseParams(ctx), ...params });
    };
    return this.cache ? this.cache.use(ctx, run) : run(null);
  }
}

export function sourceOf(ctx: MetricQueryContext): SnapshotSource {
  return ctx.pointInTime ? 'point-in-time' : 'present';
}

export function hasMaps(ctx: MetricQueryContext): boolean {
  return Object.keys(ctx.stages.stageOf).length > 0;
}
