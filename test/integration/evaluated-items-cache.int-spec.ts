// The shared evaluation of a workspace's items (EvaluatedItemsCache) must never answer from
// stale data: one table per data version and map, a new one after any write or map change, none
// for past instants or workspaces over the size bound; and figures through it equal figures
// evaluated inside the query (the oracle suite holds both to the reference).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClickHouseStore, migrateClickHouse } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { buildStageMapping, EvaluatedItemsCache, EvaluatedItemsSource, type MetricQueryContext, ThroughputQuery } from '@flowlens/metric-queries';
import type { WorkflowMap } from '@flowlens/metrics';
import { berlinFortnight, BERLIN_NOW, BERLIN_QUERY } from '@flowlens/metrics/testing';
import { ProjectionWriter } from '@flowlens/projections';

const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-eval-cache-'));
const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_eval_cache', dataDir });
const writer = new ProjectionWriter(store);
const workspaceId = `ws-${randomUUID()}`;
const events = berlinFortnight().map((e) => ({ ...e, workspaceId }) as CanonicalEvent);
/** The same history on a second board, so that a board filter has something to leave out. */
const opsEvents = berlinFortnight().map((e) => ({ ...e, workspaceId, eventId: randomUUID(), sourceEventId: `ops-${e.sourceEventId}`, boardId: 'OPS', itemId: `ops-${e.itemId}`, itemKey: `OPS-${e.itemKey}` }) as CanonicalEvent);

const MAP: WorkflowMap = {
  boardId: 'KAN',
  stages: [
    { name: 'Backlog', category: 'backlog', statuses: ['To Do'] },
    { name: 'Doing', category: 'active', statuses: ['In Progress', 'In Review'] },
    { name: 'Done', category: 'done', statuses: ['Done'] },
  ],
};

const contextOf = (maps: WorkflowMap[], pointInTime = false, boardIds: string[] = []): MetricQueryContext => ({
  workspaceId,
  timezone: BERLIN_QUERY.timezone,
  asOf: Date.parse(BERLIN_NOW),
  pointInTime,
  from: BERLIN_QUERY.from,
  to: BERLIN_QUERY.to,
  boardIds,
  types: [],
  teams: [],
  stages: buildStageMapping(maps),
  workflows: maps,
});

describe('the shared evaluation of present items', () => {
  beforeAll(async () => {
    await migrateClickHouse(store);
    await writer.writeEvents(events.slice(0, events.length - 3));
  });
  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps one table per data version and map, and replaces it after a write or a map change', async () => {
    const cache = new EvaluatedItemsCache(store, { maxItems: 1_000, maxTables: 4, dropAfterMs: 0 });
    const first = await cache.tableFor(contextOf([]));
    expect(first).not.toBeNull();
    expect(await cache.tableFor(contextOf([]))).toBe(first);

    const mapped = await cache.tableFor(contextOf([MAP]));
    expect(mapped).not.toBeNull();
    expect(mapped).not.toBe(first);

    await writer.writeEvents(events.slice(events.length - 3));
    const afterWrite = await cache.tableFor(contextOf([]));
    expect(afterWrite).not.toBe(first);
    const [stored] = await store.query<{ n: number }>(`SELECT count() AS n FROM ${afterWrite}`);
    const [live] = await store.query<{ n: number }>(`SELECT uniqExact(item_id) AS n FROM ${store.table('item_snapshots')} WHERE workspace_id = {ws:String}`, { ws: workspaceId });
    expect(stored?.n).toBe(live?.n);
    await cache.clear();
  });

  it('keeps a replaced table while a query runs on it, and drops it after its last query', async () => {
    const cache = new EvaluatedItemsCache(store, { maxItems: 1_000, maxTables: 4, dropAfterMs: 0 });
    const exists = async (table: string) => (await store.query<{ n: number }>(`SELECT count() AS n FROM system.tables WHERE concat('\`', database, '\`.\`', name, '\`') = {t:String}`, { t: table }))[0]?.n === 1;
    let leased = '';
    await cache.use(contextOf([]), async (table) => {
      leased = table as string;
      // A new map replaces this table's scope version while the query still reads it.
      expect(await cache.tableFor(contextOf([MAP]))).not.toBeNull();
      await writer.writeEvents([{ ...(events[0] as CanonicalEvent), eventId: randomUUID(), sourceEventId: `again-${randomUUID()}` } as CanonicalEvent]);
      const replaced = await cache.tableFor(contextOf([]));
      expect(replaced).not.toBe(leased);
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await exists(leased)).toBe(true);
      expect((await store.query<{ n: number }>(`SELECT count() AS n FROM ${leased}`))[0]?.n).toBeGreaterThan(0);
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await exists(leased)).toBe(false);
    await cache.clear();
  });

  it('holds the tables it keeps to a budget of rows, dropping the least recently used', async () => {
    const [row] = await store.query<{ n: number }>(`SELECT count() AS n FROM ${store.table('item_snapshots')} WHERE workspace_id = {ws:String}`, { ws: workspaceId });
    const cache = new EvaluatedItemsCache(store, { maxItems: 1_000, maxTables: 4, maxRows: (row?.n ?? 0) + 1, dropAfterMs: 0 });
    const plain = await cache.tableFor(contextOf([]));
    const mapped = await cache.tableFor(contextOf([MAP])); // another scope: the budget holds one
    await new Promise((resolve) => setTimeout(resolve, 100));
    const names = (await store.query<{ name: string }>(`SELECT concat('\`', database, '\`.\`', name, '\`') AS name FROM system.tables`)).map((t) => t.name);
    expect(names).toContain(mapped);
    expect(names).not.toContain(plain);
    expect(await cache.tableFor(contextOf([MAP]))).toBe(mapped);
    await cache.clear();
  });

  it('evaluates in the query for past instants and for workspaces above the size bound', async () => {
    expect(await new EvaluatedItemsCache(store).tableFor(contextOf([], true))).toBeNull();
    expect(await new EvaluatedItemsCache(store, { maxItems: 1, maxTables: 4, dropAfterMs: 0 }).tableFor(contextOf([]))).toBeNull();
  });

  it('evaluates only the filtered boards in the query, answering what the shared evaluation answers', async () => {
    await writer.writeEvents(opsEvents);
    const shared = new ThroughputQuery(new EvaluatedItemsSource(store));
    // No shared table (the bound is 0): every figure evaluates its boards' items in the query.
    const perQuery = new ThroughputQuery(new EvaluatedItemsSource(store, { maxItems: 0, maxTables: 4, dropAfterMs: 0 }));
    const totals: Record<string, number> = {};
    for (const maps of [[], [MAP]]) {
      for (const boards of [['KAN'], ['OPS'], ['KAN', 'OPS'], ['NOPE'], []]) {
        const expected = await shared.run(contextOf(maps, false, boards), 'day');
        expect([boards, await perQuery.run(contextOf(maps, false, boards), 'day')]).toEqual([boards, expected]);
        totals[boards.join('+') || 'all'] = expected.total;
      }
    }
    // Each board holds the same history: both boards (or no filter) count twice one board, an unknown board none.
    expect(totals['KAN']).toBeGreaterThan(0);
    expect(totals).toEqual({ KAN: totals['KAN'], OPS: totals['KAN'], 'KAN+OPS': 2 * (totals['KAN'] as number), NOPE: 0, all: 2 * (totals['KAN'] as number) });
  });

  it('answers the figures the in-query evaluation answers, with and without a map', async () => {
    const throughput = new ThroughputQuery(new EvaluatedItemsSource(store));
    for (const maps of [[], [MAP]]) {
      const present = await throughput.run(contextOf(maps), 'day');
      // A point-in-time context at the same instant evaluates inside the query (never cached).
      const inQuery = await throughput.run(contextOf(maps, true), 'day');
      expect(present).toEqual(inQuery);
      expect(present.series.some((d) => d.count > 0)).toBe(true);
    }
  });
});
