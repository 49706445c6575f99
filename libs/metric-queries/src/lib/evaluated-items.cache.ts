import { createHash, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { type ClickHouseStore, TABLES } from '@flowlens/clickhouse';
import { evaluatedItemsSql } from './item-evaluation.sql';
import type { MetricQueryContext } from './query-context';
import { baseParams } from './query-params';

export interface EvaluatedItemsCacheOptions {
  /** Workspaces with more stored item rows than this are always evaluated per query. */
  readonly maxItems: number;
  /** Evaluations kept at once (least recently used dropped first). */
  readonly maxTables: number;
  /** Item rows all kept evaluations may hold together (least recently used dropped first). */
  readonly maxRows?: number;
  /** How long a replaced table is kept after its last query (queries lease the table they run on). */
  readonly dropAfterMs: number;
}

/**
 * A 10^6-item workspace's evaluation takes ~0.8 GB of memory and ~0.7 s to build here; it makes
 * the figures of a board page 2–4 times faster (docs/benchmarks.md). 2·10^6 rows kept at most.
 */
export const DEFAULT_EVALUATED_ITEMS_CACHE: EvaluatedItemsCacheOptions = { maxItems: 1_500_000, maxTables: 8, maxRows: 2_000_000, dropAfterMs: 1_000 };

interface Entry {
  readonly scope: string;
  readonly table: Promise<string | null>;
  /** Item rows the table holds, once built (0 until then, or with no table). */
  rows: number;
  /** Queries running on (or waiting for) the table. */
  users: number;
  /** Replaced or evicted: dropped when its last query is done. */
  retired: boolean;
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
    return this.use(ctx, async (table) => table);
  }

  /**
   * Runs `query` on the table of the context's evaluated items (null: evaluate in the query). The
   * table is leased while the query runs: a replaced or evicted table is dropped once its last
   * query is done (a 10^6-item evaluation takes ~0.8 GB; with new data every second, tables
   * kept for a fixed time after their replacement would pile up), and `dropAfterMs` after that.
   */
  async use<T>(ctx: MetricQueryContext, query: (table: string | null) => Promise<T>): Promise<T> {
    if (ctx.pointInTime) return query(null);
    const params = baseParams(ctx);
    const scope = digest([ctx.workspaceId, params['mapKeys'], params['mapStages'], params['mapCategories'], params['blockedStages'], params['mappedBoards']]);
    const version = await this.store.dataVersion([TABLES.itemSnapshots]);
    const entry = this.entryFor(ctx, scope, digest([scope, version]), params);
    entry.users++;
    try {
      return await query(await entry.table);
    } finally {
      entry.users--;
      if (entry.retired && entry.users === 0) this.dropLater(entry);
    }
  }

  private entryFor(ctx: MetricQueryContext, scope: string, key: string, params: Record<string, unknown>): Entry {
    const known = this.entries.get(key);
    if (known) {
      this.entries.delete(key);
      this.entries.set(key, known); // most recently used last
      return known;
    }
    const table = this.build(ctx, key, params).catch((error: unknown) => {
      this.logger.warn(`evaluating items per query: the shared evaluation failed (${error instanceof Error ? error.message : String(error)})`);
      this.entries.delete(key);
      return null;
    });
    this.retire(scope);
    const entry: Entry = { scope, table, rows: 0, users: 0, retired: false };
    this.entries.set(key, entry);
    this.evictBeyond(this.options.maxTables);
    return entry;
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
    const rows = Number(row?.n ?? 0);
    if (rows > this.options.maxItems) return null;
    this.makeRoomFor(key, rows);
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
      this.retireEntry(entry);
    }
  }

  /** Counts a table's rows against maxRows, dropping the least recently used others beyond it. */
  private makeRoomFor(key: string, rows: number): void {
    const entry = this.entries.get(key);
    if (entry) entry.rows = rows;
    const budget = this.options.maxRows ?? Number.POSITIVE_INFINITY;
    let total = [...this.entries.values()].reduce((sum, e) => sum + e.rows, 0);
    for (const [other, e] of [...this.entries]) {
      if (total <= budget) break;
      if (other === key || e.rows === 0) continue;
      this.entries.delete(other);
      this.retireEntry(e);
      total -= e.rows;
    }
  }

  private evictBeyond(limit: number): void {
    while (this.entries.size > limit) {
      const [key, entry] = this.entries.entries().next().value as [string, Entry];
      this.entries.delete(key);
      this.retireEntry(entry);
    }
  }

  private retireEntry(entry: Entry): void {
    entry.retired = true;
    if (entry.users === 0) this.dropLater(entry);
  }

  /** A retired table with no query on it, dropped after `dropAfterMs` (once: a later lease cannot find it). */
  private dropLater(entry: Entry): void {
    setTimeout(() => void entry.table.then((t) => this.drop(t)), this.options.dropAfterMs).unref();
  }

  private async drop(table: string | null): Promise<void> {
    if (table === null) return;
    await this.store.command(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
  }
}

const digest = (parts: readonly unknown[]): string => createHash('sha256').update(JSON.stringify(parts)).digest('hex');
