import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClickHouseStore, migrateClickHouse, TABLES } from '@flowlens/clickhouse';
import type { CanonicalEvent } from '@flowlens/contracts';
import { ProjectionWriter } from '@flowlens/projections';
import { ApiClient, AppProcess, setUpWorkspace } from '@flowlens/testing';
import { portfolioEvents } from './portfolio.generator';

export const BENCH_ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** What a loaded portfolio's data dir keeps in bench.json (BENCH_KEEP), so later runs reuse it (BENCH_REUSE). */
export interface LoadedPortfolio {
  readonly workspaceId: string;
  readonly apiKey: string;
  readonly events: number;
  readonly loadMs: number;
  readonly now: number;
}

export interface PortfolioLoad {
  readonly dataDir: string;
  /** The standalone app's environment over `dataDir` (the workspace is created through its API). */
  readonly env: Record<string, string>;
  readonly items: number;
  readonly boards: number;
  readonly days: number;
  readonly now: number;
  /** Each chunk of events once written (bench:query keeps the transitions for PostgreSQL). */
  readonly onChunk?: (chunk: readonly CanonicalEvent[]) => void;
}

export async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const started = process.hrtime.bigint();
  const value = await fn();
  return [Number(process.hrtime.bigint() - started) / 1e6, value];
}

/** The standalone environment of a benchmark over a data dir: API only, no demo, quiet. */
export function benchEnv(dataDir: string): Record<string, string> {
  return { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: BENCH_ADMIN_TOKEN, FLOWLENS_DEMO: 'false', FLOWLENS_ROLES: 'api', LOG_LEVEL: 'warn' };
}

export const readLoaded = (dataDir: string): LoadedPortfolio => JSON.parse(readFileSync(join(dataDir, 'bench.json'), 'utf8')) as LoadedPortfolio;
export const keepLoaded = (dataDir: string, loaded: LoadedPortfolio): void => writeFileSync(join(dataDir, 'bench.json'), JSON.stringify(loaded));

/**
 * Loads the generated portfolio through the production projection code (rows, timelines,
 * snapshots) into the data dir's ClickHouse; the workspace is made through the API first.
 */
export async function loadPortfolio(load: PortfolioLoad): Promise<LoadedPortfolio> {
  const api = await AppProcess.start('standalone', load.env);
  const { workspaceId, apiKey } = await setUpWorkspace(new ApiClient(api.url), BENCH_ADMIN_TOKEN, { type: 'generic' });
  await api.stop('SIGTERM');

  const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens', dataDir: load.dataDir });
  await migrateClickHouse(store);
  const writer = new ProjectionWriter(store);
  let events = 0;
  const [loadMs] = await timed(async () => {
    let chunks = 0;
    for (const chunk of portfolioEvents({ workspaceId, items: load.items, boards: load.boards, days: load.days, now: load.now, seed: 42 })) {
      await writer.writeEvents(chunk, { refreshSnapshots: false });
      events += chunk.length;
      load.onChunk?.(chunk);
      if (++chunks % 20 === 0) process.stderr.write(`  loaded ${events.toLocaleString('en-US')} events\n`);
    }
    // Bulk path: every item's snapshots in one aggregation, in primary-key order.
    await store.command(`OPTIMIZE TABLE ${store.table(TABLES.itemTimelines)} FINAL`);
    await writer.refreshAllSnapshots(workspaceId);
    await store.command(`OPTIMIZE TABLE ${store.table(TABLES.itemSnapshots)} FINAL`);
  });
  await store.close();
  return { workspaceId, apiKey, events, loadMs, now: load.now };
}

/**
 * `teams` teams sharing the boards out evenly (5 people each, a holiday, an absence, a rate) and
 * `portfolios` portfolios sharing out the teams; kept ones are reused (BENCH_REUSE).
 */
export async function organisation(client: ApiClient, boards: readonly string[], teams: number, portfolios: number): Promise<{ teamIds: string[]; portfolioIds: string[] }> {
  const existing = await client.get<{ items: Array<{ id: string }> }>('/api/v1/teams');
  if (existing.body.items.length > 0) {
    const kept = await client.get<{ items: Array<{ id: string }> }>('/api/v1/portfolios');
    return { teamIds: existing.body.items.map((t) => t.id), portfolioIds: kept.body.items.map((p) => p.id) };
  }
  const teamIds: string[] = [];
  const perTeam = Math.max(1, Math.floor(boards.length / teams));
  for (let t = 0; t < teams; t++) {
    const members = Array.from({ length: 5 }, (_, m) => ({ name: `Person ${t}-${m}`, fte: m === 4 ? 0.5 : 1 }));
    const body = {
      name: `Team ${t}`,
      boardIds: boards.slice(t * perTeam, (t + 1) * perTeam),
      members,
      holidays: ['2025-12-25', '2026-01-01'],
      absences: [{ member: `Person ${t}-0`, from: '2026-02-02', to: '2026-02-13' }],
      focusFactor: 0.8,
      costPerFteDay: 500,
      currency: 'EUR',
      targetMix: { feature: 0.6, defect: 0.2, debt: 0.2 },
    };
    const created = await client.post<{ id: string }>('/api/v1/teams', body);
    if (created.status !== 201) throw new Error(`team ${t}: ${created.status} ${JSON.stringify(created.body)}`);
    teamIds.push(created.body.id);
  }
  const portfolioIds: string[] = [];
  const size = Math.max(1, Math.floor(teamIds.length / portfolios));
  for (let p = 0; p < portfolios; p++) {
    const created = await client.post<{ id: string }>('/api/v1/portfolios', { name: `Portfolio ${p}`, teamIds: teamIds.slice(p * size, (p + 1) * size), owners: [`owner${p}@example.com`] });
    if (created.status !== 201) throw new Error(`portfolio ${p}: ${created.status} ${JSON.stringify(created.body)}`);
    portfolioIds.push(created.body.id);
  }
  return { teamIds, portfolioIds };
}
