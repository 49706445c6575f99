import { Inject, Injectable, type OnModuleDestroy, Optional } from '@nestjs/common';
import { ClickHouseStore } from '@flowlens/clickhouse';
import { itemSnapshotsSql, materialisedSnapshotsSql } from '@flowlens/projections';
import { DEFAULT_EVALUATED_ITEMS_CACHE, EvaluatedItemsCache, type EvaluatedItemsCacheOptions } from './evaluated-items.cache';
import { evaluatedItemsSql, type SnapshotSource } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams, itemFilterSql } from './query-params';
import { RecentAnswers } from './recent-answers';

/** How long a shared query's answer serves the queries after it (one page load's burst, not later loads). */
const SHARED_ANSWER_MS = 1_000;

/** Bounds of the shared evaluation on the embedded engine (defaults: DEFAULT_EVALUATED_ITEMS_CACHE). */
export const EVALUATED_ITEMS_CACHE_OPTIONS = Symbol('EVALUATED_ITEMS_CACHE_OPTIONS');

/** Runs SQL over the evaluated, filtered items of a query context (`FROM items`). */
@Injectable()
export class EvaluatedItemsSource implements OnModuleDestroy {
  /** On the embedded engine one evaluation serves a page's figures (see EvaluatedItemsCache). */
  private readonly cache: EvaluatedItemsCache | null;
  /**
   * Answers of `shared` queries, kept while they run and for a moment after: the figures of one
   * page that scan the same way (the CFD's and Little's Law's stage occupancy, the Flow Framework
   * row Little's Law also reads) share one scan, the engine running one query at a time.
   */
  private readonly answers = new RecentAnswers(SHARED_ANSWER_MS, 32);

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
  async query<T>(ctx: MetricQueryContext, sql: string, params: Record<string, unknown> = {}, options: { shared?: boolean } = {}): Promise<T[]> {
    const boardsFirst = ctx.pointInTime || ctx.boardIds.length === 0 ? '' : 'AND board_id IN {boards:Array(String)}';
    const run = (table: string | null) => {
      const evaluated = table ?? `(${evaluatedItemsSql(this.store, sourceOf(ctx), boardsFirst, hasMaps(ctx))})`;
      const items = `(SELECT * FROM ${evaluated} WHERE ${itemFilterSql(ctx)})`;
      const query = sql.replaceAll('FROM items', `FROM ${items}`);
      const all = { ...baseParams(ctx), ...params };
      // A table of the shared evaluation never changes: the same query on it has the same answer.
      if (options.shared && table) return this.answers.get(answerKey(query, all), () => this.store.query<T>(query, all));
      return this.store.query<T>(query, all);
    };
    return this.cache ? this.cache.use(ctx, run) : run(null);
  }
}

/** A query and the parameters it reads (an unread one, such as the instant asked, does not change its answer). */
function answerKey(query: string, params: Record<string, unknown>): string {
  const read = [...new Set([...query.matchAll(/\{(\w+):/g)].map((m) => m[1] as string))].sort();
  return `${query}\u0000${JSON.stringify(read.map((name) => [name, params[name]]))}`;
}

export function sourceOf(ctx: MetricQueryContext): SnapshotSource {
  return ctx.pointInTime ? 'point-in-time' : 'present';
}

export function hasMaps(ctx: MetricQueryContext): boolean {
  return Object.keys(ctx.stages.stageOf).length > 0;
}
