import { createHash, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { type ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { evaluatedItemsSql } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams } from './query-params';

export interface EvaluatedItemsCacheOptions {
  /** Workspaces with more stored item rows than this are always evaluated per query. */
  readonly maxItems: number;
  /** Evaluations kept at once (oldest dropped first). */
  readonly maxTables: number;
  /** How long a replaced table stays readable for queries already running on it. */
  readonly dropAfterMs: number;
}

export const DEFAULT_EVALUATED_ITEMS_CACHE: EvaluatedItemsCacheOptions = { maxItems: 250_000, maxTables: 8, dropAfterMs: 30_000 };

interface Entry {
  readonly scope: string;
  readonly table: Promise<string | null>;
}

/**
 * The workflow maps applied to a workspace's present items, evaluated once and kept in a Memory
 * table while neither the items nor the maps change, so the many figures of one dashboard page
 * read the same evaluation instead of each recomputing it. chDB answers one query at a time, so
 * on the embedded engine a page's figures otherwise pay for the evaluation once per figure.
 *
 * Exact, never stale: a table is keyed by the workspace, the map lookup it was built with and the
 * data version of item_snapshots (its active parts; any insert or merge changes it). Tables live in
 * a Memory database (nothing on disk) under a per-process name; concurrent queries for one key
 * share one build. Past instants (`asOf`) are not cached: each asks for its own evaluation.
 */
export class EvaluatedItemsCache {
  private readonly logger = new Logger(EvaluatedItemsCache.name);
  private readonly entries = new Map<string, Entry>();
  private readonly token = randomBytes(4).toString('hex');
  private database: Promise<void> | null = null;

  constructor(
    private readonly store: ClickHouseStore,
    private readonly options: EvaluatedItemsCacheOptions = DEFAULT_EVALUATED_ITEMS_CACHE,
  ) {}

  /** The table holding the context's evaluated items (unfiltered), or null to evaluate in the query. */
  async tableFor(ctx: MetricQueryContext): Promise<string | null> {
    if (ctx.pointInTime) return null;
    const params = baseParams(ctx);
    const scope = digest([ctx.workspaceId, params['mapKeys'], params['mapStages'], params['mapCategories'], params['blockedStages'], params['mappedBoards']]);
    const version = await this.store.dataVersion([TABLES.itemSnapshots]);
    const key = digest([scope, version]);
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known); // most recently used last
      return known.table;
    }
    const table = this.build(ctx, key, params).catch((error: unknown) => {
      this.logger.warn(`evaluating items per query: the shared evaluation failed (${error instanceof Error ? error.message : String(error)})`);
      this.entries.delete(key);
      return null;
    });
    this.retire(scope);
    this.entries.set(key, { scope, table });
    this.evictBeyond(this.options.maxTables);
    return table;
  }

  /** Drops every table now (shutdown, or a test). */
  async clear(): Promise<void> {
    const tables = [...this.entries.values()].map((e) => e.table);
    this.entries.clear();
    await Promise.all(tables.map(async (t) => this.drop(await t)));
  }

  private async build(ctx: MetricQueryContext, key: string, params: Record<string, unknown>): Promise<string | null> {
    const [row] = await this.store.query<{ n: number }>(
      `SELECT count() AS n FROM ${this.store.table(TABLES.itemSnapshots)} WHERE workspace_id = {ws:String}`,
      { ws: ctx.workspaceId },
    );
    if ((row?.n ?? 0) > this.options.maxItems) return null;
    const database = `${this.store.database}_evaluated`;
    this.database ??= this.store.command(`CREATE DATABASE IF NOT EXISTS \`${database}\` ENGINE = Memory`).catch((error: unknown) => {
      this.database = null;
      throw error;
    });
    await this.database;
    const table = `\`${database}\`.\`items_${key.slice(0, 16)}_${this.token}\``;
    const withMaps = Object.keys(ctx.stages.stageOf).length > 0;
    const evaluation = evaluatedItemsSql(this.store, 'present', '', withMaps);
    // A Memory database cannot rename, so no CREATE … AS SELECT: the table first, then its rows.
    await this.store.command(`CREATE TABLE ${table} ENGINE = Memory EMPTY AS ${evaluation}`, params);
    await this.store.command(`INSERT INTO ${table} ${evaluation}`, params);
    return table;
  }

  /** A new version of a scope replaces the older ones: dropped once queries on them are done. */
  private retire(scope: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.scope !== scope) continue;
      this.entries.delete(key);
      this.dropLater(entry.table);
    }
  }

  private evictBeyond(limit: number): void {
    while (this.entries.size > limit) {
      const [key, entry] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(key);
      this.dropLater(entry.table);
    }
  }

  private dropLater(table: Promise<string | null>): void {
    setTimeout(() => void table.then((t) => this.drop(t)), this.options.dropAfterMs).unref();
  }

  private async drop(table: string | null): Promise<void> {
    if (table === null) return;
    await this.store.command(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}

const digest = (parts: readonly unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
