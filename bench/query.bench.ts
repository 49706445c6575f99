// npm run bench:query — a realistic portfolio (BENCH_ITEMS items, default 1,000,000, ~20 events each,
// 200 boards, two years) loaded through the production projection code into ClickHouse (chDB);
// p50/p95 latency of every metric endpoint over 20 runs with varying filters, through HTTP (with
// BENCH_TEAMS teams, default 40, and BENCH_PORTFOLIOS portfolios, default 5, for the capacity
// endpoints and the teamId filter); and,
// in the same run, throughput, cycle-time p85 and WIP by plain SQL on PostgreSQL over the same
// transitions, with the speed ratio.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CanonicalEvent } from '@flowlens/contracts';
import { defaultStageFor, percentile } from '@flowlens/metrics';
import { ApiClient, AppProcess, createTestDatabase } from '@flowlens/testing';
import { rate, report } from './bench-report';
import { type BaselineFilter, PostgresBaseline } from './postgres-baseline';
import { boardPlans } from './portfolio.generator';
import { benchEnv, keepLoaded, type LoadedPortfolio, loadPortfolio, organisation, readLoaded, timed } from './portfolio.loader';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 1_000_000);
const BOARDS = Number(process.env.BENCH_BOARDS ?? 200);
const TEAMS = Number(process.env.BENCH_TEAMS ?? 40);
const PORTFOLIOS = Number(process.env.BENCH_PORTFOLIOS ?? 5);
const DAYS = 730;
const RUNS = 20;
const DAY = 86_400_000;

interface Run {
  readonly query: string;
  readonly pg: BaselineFilter;
}

/** Varying filters: portfolio-wide, one board, a few boards of one type, one team; 30-180 day windows. */
function runs(now: number, boards: string[], random: () => number): Run[] {
  return Array.from({ length: RUNS }, (_, i) => {
    const windowDays = [90, 180, 30, 90][i % 4] as number;
    const to = new Date(now - Math.floor(random() * 120) * DAY).toISOString().slice(0, 10);
    const from = new Date(Date.parse(to) - (windowDays - 1) * DAY).toISOString().slice(0, 10);
    const toExclusive = new Date(Date.parse(to) + DAY).toISOString().slice(0, 10);
    const pickBoards = (n: number) => Array.from({ length: n }, () => boards[Math.floor(random() * boards.length)] as string);
    const variant = i % 4;
    const b = variant === 1 ? pickBoards(1) : variant === 2 ? pickBoards(3) : null;
    const types = variant === 2 ? ['Bug'] : null;
    const teams = variant === 3 ? [`team-${Math.floor(random() * 40)}`] : null;
    const qs = new URLSearchParams({ from, to });
    for (const id of b ?? []) qs.append('boardId', id);
    for (const t of types ?? []) qs.append('type', t);
    for (const t of teams ?? []) qs.append('team', t);
    return { query: qs.toString(), pg: { boards: b, types, teams, from, toExclusive } };
  });
}

const RISK_ENDPOINTS = ['risk/items', 'risk/releases', 'risk/epics', 'risk/dependencies', 'risk/concentration', 'quality', 'risk/summary', 'risks'];
/** Risk is scoped by board only (type/team are flow filters); releases use 1,000 trials per board set. */
const riskQuery = (query: string) => `${query.replace(/(^|&)(type|team)=[^&]*/g, '')}&trials=1000`;

const summary = (ms: number[]) => ({ p50: Math.round(percentile(ms, 50) ?? 0), p95: Math.round(percentile(ms, 95) ?? 0) });

async function main(): Promise<void> {
  // BENCH_REUSE=<dir> queries a portfolio a previous run kept with BENCH_KEEP=1 (no reload).
  const reuse = process.env.BENCH_REUSE;
  const now = reuse ? readLoaded(reuse).now : Date.now();
  const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'flowlens-bench-query-'));
  const env = benchEnv(dataDir);
  const tsv = join(dataDir, 'transitions.tsv');
  const loaded = reuse ? readLoaded(dataDir) : await load(dataDir, env, tsv, now);
  const { apiKey, events, loadMs } = loaded;
  if (process.env.BENCH_KEEP) keepLoaded(dataDir, loaded);
  process.stderr.write(`${reuse ? 'reusing' : 'loaded'} ${events.toLocaleString('en-US')} events for ${ITEMS.toLocaleString('en-US')} items${reuse ? '' : ` in ${(loadMs / 1000).toFixed(0)} s`}\n`);

  const api = await AppProcess.start('standalone', env);
  await api.waitReady();
  const plans = new Map(boardPlans(BOARDS).map((b) => [b.boardId, b]));
  const client = new ApiClient(api.url, apiKey);
  const random = (() => {
    let s = 7;
    return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  })();
  const plan = runs(now, [...plans.keys()], random);
  const { teamIds, portfolioIds } = await organisation(client, [...plans.keys()], TEAMS, PORTFOLIOS);
  const window = (r: Run) => r.query.split('&').filter((p) => p.startsWith('from=') || p.startsWith('to=')).join('&');
  const team = (i: number) => teamIds[(i * 7) % teamIds.length] as string;
  const portfolio = (i: number) => portfolioIds[i % portfolioIds.length] as string;
  const endpoints: Array<[string, (r: Run, i: number) => string]> = [
    ['throughput', (r) => `/api/v1/metrics/throughput?interval=week&${r.query}`],
    ['cycle-time', (r) => `/api/v1/metrics/cycle-time?${r.query}`],
    ['lead-time', (r) => `/api/v1/metrics/lead-time?${r.query}`],
    ['wip', (r) => `/api/v1/metrics/wip?${r.query}`],
    ['aging', (r) => `/api/v1/metrics/aging?${r.query}`],
    ['cfd', (r) => `/api/v1/metrics/cfd?${r.query}`],
    ['flow-efficiency', (r) => `/api/v1/metrics/flow-efficiency?${r.query}`],
    ['flow-distribution', (r) => `/api/v1/metrics/flow-distribution?${r.query}`],
    ['flow-framework', (r) => `/api/v1/metrics/flow-framework?${r.query}`],
    ['littles-law', (r) => `/api/v1/metrics/littles-law?${r.query}`],
    ['forecast/how-many', (r) => `/api/v1/forecast/how-many?by=${new Date(now + 30 * DAY).toISOString().slice(0, 10)}&seed=1&${r.query.replace(/(^|&)(from|to)=[^&]*/g, '')}`],
    ['forecast/when', (r) => `/api/v1/forecast/when?items=50&seed=1&${r.query.replace(/(^|&)(from|to)=[^&]*/g, '')}`],
    ['items/{key}', (_r, i) => `/api/v1/items/PRJ${(i * 7) % (BOARDS - 1)}-${1 + i * 13}`],
    ['throughput?teamId', (r, i) => `/api/v1/metrics/throughput?interval=week&${window(r)}&teamId=${team(i)}`],
    ['capacity (team)', (r, i) => `/api/v1/capacity?${window(r)}&teamId=${team(i)}`],
    ['capacity (portfolio)', (r, i) => `/api/v1/capacity?${window(r)}&portfolioId=${portfolio(i)}`],
    ['capacity/allocation (team)', (r, i) => `/api/v1/capacity/allocation?${window(r)}&teamId=${team(i)}`],
    ['capacity/allocation (portfolio)', (r, i) => `/api/v1/capacity/allocation?${window(r)}&portfolioId=${portfolio(i)}`],
    ['capacity/cost (team)', (r, i) => `/api/v1/capacity/cost?${window(r)}&teamId=${team(i)}`],
    ['capacity/cost (portfolio)', (r, i) => `/api/v1/capacity/cost?${window(r)}&portfolioId=${portfolio(i)}`],
    ...RISK_ENDPOINTS.map((name): [string, (r: Run) => string] => [name, (r) => `/api/v1/${name}?${riskQuery(r.query)}`]),
    // Every release of the whole portfolio (all boards), at the default 10,000 trials.
    ['risk/releases (all releases, all boards)', (_r, i) => `/api/v1/risk/releases?seed=${i + 1}`],
  ];
  const latencies: Record<string, { p50: number; p95: number }> = {};
  const figures: Array<{ run: number; throughput: number }> = [];
  // BENCH_ONLY=<regular expression>: only the endpoints whose name matches (e.g. '^(risk|quality)'), no PostgreSQL comparison.
  // BENCH_VERBOSE=1 prints every call's time too.
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null;
  for (const [name, path] of endpoints.filter(([name]) => only === null || only.test(name))) {
    await client.get(path(plan[0] as Run, 0)); // warm-up
    const ms: number[] = [];
    for (const [i, run] of plan.entries()) {
      // Timed until the whole answer has arrived; reading its JSON is the client's own work.
      const [elapsed, response] = await timed(() => client.getText(path(run, i)));
      if (response.status !== 200 && !(name === 'items/{key}' && response.status === 404) && !(name === 'forecast/when' && response.status === 422)) throw new Error(`${name} answered ${response.status}: ${response.text.slice(0, 300)}`);
      if (name === 'throughput') figures.push({ run: i, throughput: (JSON.parse(response.text) as { total?: number }).total ?? -1 });
      ms.push(elapsed);
    }
    latencies[name] = summary(ms);
    process.stderr.write(`  ${name}: p50 ${latencies[name]?.p50} ms, p95 ${latencies[name]?.p95} ms${process.env.BENCH_VERBOSE ? ` (${ms.map((m) => Math.round(m)).join(' ')})` : ''}\n`);
  }
  await api.stop('SIGTERM');

  // PostgreSQL is loaded only now: its load, vacuum and checkpoint would otherwise share the two
  // cores with the Flowlens runs above. BENCH_POSTGRES=0 skips the comparison (Flowlens figures only).
  const pgMs: Record<string, number[]> = { throughput: [], 'cycle-time p85': [], wip: [] };
  let agree = 0;
  const compare = process.env.BENCH_POSTGRES !== '0' && only === null;
  if (compare) {
    const database = await createTestDatabase();
    const pg = await PostgresBaseline.connect(database.url);
    const [pgLoadMs] = await timed(() => pg.load(tsv));
    process.stderr.write(`PostgreSQL loaded in ${(pgLoadMs / 1000).toFixed(0)} s\n`);
    for (const [i, run] of plan.entries()) {
      const [t1, n] = await timed(() => pg.throughput(run.pg));
      if (n === figures[i]?.throughput) agree++;
      pgMs['throughput']?.push(t1);
      pgMs['cycle-time p85']?.push((await timed(() => pg.cycleTimeP85(run.pg)))[0]);
      pgMs['wip']?.push((await timed(() => pg.wip(run.pg)))[0]);
      process.stderr.write(`  postgres run ${i + 1}/${RUNS}\n`);
    }
    await pg.close();
    await database.drop();
  }

  const rows: Array<[string, string | number]> = [
    ['items / events / boards / teams / portfolios', `${ITEMS.toLocaleString('en-US')} / ${events.toLocaleString('en-US')} / ${BOARDS} / ${teamIds.length} / ${portfolioIds.length}`],
    ['load into ClickHouse (events/s)', rate(events, loadMs)],
    ...Object.entries(latencies).map(([name, l]): [string, string] => [`${name} p50 / p95 (ms)`, `${l.p50} / ${l.p95}`]),
  ];
  const pairs: Array<[string, string, string]> = [['throughput', 'throughput', 'throughput'], ['cycle-time p85', 'cycle-time', 'cycle-time p85'], ['wip', 'wip', 'wip']];
  for (const [pgName, chName, label] of compare ? pairs : []) {
    const p = summary(pgMs[pgName] as number[]);
    const c = latencies[chName] as { p50: number; p95: number };
    rows.push([`PostgreSQL ${label} p50 / p95 (ms)`, `${p.p50} / ${p.p95}`], [`  speed-up Flowlens vs PostgreSQL (p50)`, `${(p.p50 / Math.max(1, c.p50)).toFixed(1)}x`]);
  }
  if (compare) rows.push(['throughput figures equal to PostgreSQL', `${agree}/${RUNS} runs`]);
  report('query', rows, { items: ITEMS, events, boards: BOARDS, loadMs, latencies, postgres: Object.fromEntries(Object.entries(pgMs).map(([k, v]) => [k, summary(v)])), agree });
  if (!process.env.BENCH_KEEP && !reuse) rmSync(dataDir, { recursive: true, force: true });
}

/** The portfolio into ClickHouse, its transitions into a TSV file for PostgreSQL. */
async function load(dataDir: string, env: Record<string, string>, tsv: string, now: number): Promise<LoadedPortfolio> {
  const out = createWriteStream(tsv);
  const plans = new Map(boardPlans(BOARDS).map((b) => [b.boardId, b]));
  const loaded = await loadPortfolio({ dataDir, env, items: ITEMS, boards: BOARDS, days: DAYS, now, onChunk: (chunk) => writeTransitions(out, chunk, plans) });
  await new Promise((resolve) => out.end(resolve));
  return loaded;
}

/** The same transitions for PostgreSQL: creation and status changes with their default category. */
function writeTransitions(out: NodeJS.WritableStream, chunk: readonly CanonicalEvent[], plans: Map<string, ReturnType<typeof boardPlans>[number]>): void {
  const lines: string[] = [];
  const meta = new Map<string, { type: string; team: string }>();
  for (const e of chunk) {
    if (e.type === 'WorkItemCreated') meta.set(e.itemId, { type: e.payload.fields.type ?? '', team: e.payload.fields.team ?? '' });
    const status = e.type === 'WorkItemCreated' ? e.payload.status : e.type === 'WorkItemStatusChanged' ? e.payload.to : null;
    if (!status) continue;
    const m = meta.get(e.itemId as string) ?? { type: '', team: '' };
    const category = defaultStageFor(plans.get(e.boardId as string)?.source ?? 'jira', status);
    lines.push([e.itemId, e.boardId, m.type, m.team, e.occurredAt, category].join('\t'));
  }
  out.write(`${lines.join('\n')}\n`);
}

void main().catch((error: Error) => {
  console.error(`bench:query failed: ${error.message}${error.cause ? ` (${String((error.cause as Error).message ?? error.cause)})` : ""}`);
  process.exit(1);
});
