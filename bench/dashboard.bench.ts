// npm run bench:dashboard — time from navigation until every figure of the board flow page is
// filled and every chart drawn, in Debian's chromium (playwright-core), over BENCH_RUNS page loads
// (default 8; alternating all boards and single boards, each a full page load with an empty cache).
// On the seeded demo workspace by default; on a portfolio kept by `BENCH_KEEP=1 npm run bench:query`
// with BENCH_REUSE=<its data dir>.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile } from '@flowlens/metrics';
import { ApiClient, AppProcess, eventually } from '@flowlens/testing';
import { DashboardTab, launchChromium } from '@flowlens/testing/browser';
import { report } from './bench-report';

const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const ADMIN = 'bench-admin-token-0123456789';

async function main(): Promise<void> {
  const reuse = process.env.BENCH_REUSE;
  const dataDir = reuse ?? mkdtempSync(join(tmpdir(), 'flowlens-bench-dashboard-'));
  const env: Record<string, string> = reuse
    ? { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', FLOWLENS_ROLES: 'api', LOG_LEVEL: 'warn' }
    : { FLOWLENS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' };
  const app = await AppProcess.start('standalone', env);
  let apiKey: string;
  let items: string;
  if (reuse) {
    apiKey = (JSON.parse(readFileSync(join(dataDir, 'bench.json'), 'utf8')) as { apiKey: string }).apiKey;
    items = 'bench:query portfolio';
  } else {
    await eventually(async () => app.stdout, (out) => out.includes('Demo workspace seeded'), { timeoutMs: 180_000, what: 'demo seeded' });
    apiKey = readFileSync(join(dataDir, 'demo-api-key'), 'utf8').trim();
    items = 'demo workspace';
  }
  const api = new ApiClient(app.url, apiKey);
  await eventually(() => api.get<{ total: number }>('/api/v1/metrics/throughput'), (r) => r.status === 200 && r.body.total > 0, { timeoutMs: 120_000, what: 'figures' });
  const boards = (await api.get<{ items: Array<{ boardId: string }> }>('/api/v1/workflows')).body.items.map((m) => m.boardId);

  const browser = await launchChromium();
  const tab = await DashboardTab.open(browser, app.url);
  await tab.goto('/');
  await tab.signIn(apiKey);
  await tab.settled(120_000);

  const all: number[] = [];
  const single: number[] = [];
  const windows: number[] = [];
  const sums: number[] = [];
  let calls = 0;
  let figures = 0;
  let charts = 0;
  for (let run = 0; run < RUNS + 1; run++) {
    const boardId = run % 2 === 0 ? null : (boards[(run * 7) % boards.length] as string);
    await tab.goto(`/flow${boardId ? `?boardId=${encodeURIComponent(boardId)}` : ''}`);
    // The page clock starts at navigation: this is navigation → every figure filled, every chart drawn.
    const ms = Math.round(await tab.settled(120_000));
    // Where the time went: the API calls (first request → last answer, and their sum) vs the rest.
    const api = (await tab.page.evaluate(
      `(() => { const r = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/'));
        return { calls: r.length, window: Math.max(...r.map((e) => e.responseEnd)) - Math.min(...r.map((e) => e.startTime)), sum: r.reduce((s, e) => s + e.duration, 0) }; })()`,
    )) as { calls: number; window: number; sum: number };
    if (run > 0) {
      windows.push(api.window);
      sums.push(api.sum);
      calls = api.calls;
    }
    figures = (await tab.figures()).length;
    charts = await tab.page.$$eval('[data-drawn="true"]', (e) => e.length);
    process.stderr.write(`  run ${run}: ${boardId ?? 'all boards'} ${ms} ms (${figures} figures, ${charts} charts; ${api.calls} API calls over ${Math.round(api.window)} ms, ${Math.round(api.sum)} ms summed)\n`);
    if (run === 0) continue; // warm-up: the server's caches and the browser's compiled code
    (boardId ? single : all).push(ms);
  }
  await browser.close();
  await app.stop('SIGTERM');
  if (!reuse) rmSync(dataDir, { recursive: true, force: true });

  const p = (xs: number[], q: number) => Math.round(percentile(xs, q) ?? 0);
  report(
    'dashboard',
    [
      ['data', `${items}, ${boards.length} boards`],
      ['board page: figures / charts', `${figures} / ${charts}`],
      ['all boards: navigation → settled p50 / p95 (ms)', `${p(all, 50)} / ${p(all, 95)}`],
      ['one board: navigation → settled p50 / p95 (ms)', `${p(single, 50)} / ${p(single, 95)}`],
      [`API calls per page load (first request → last answer p50 ms; their sum p50 ms)`, `${calls} (${p(windows, 50)}; ${p(sums, 50)})`],
    ],
    { items, boards: boards.length, runs: RUNS, allBoardsMs: all, oneBoardMs: single, apiWindowMs: windows, apiSumMs: sums, calls, figures, charts },
  );
}

void main().catch((error: Error) => {
  console.error(`bench:dashboard failed: ${error.stack ?? error.message}`);
  process.exit(1);
});
