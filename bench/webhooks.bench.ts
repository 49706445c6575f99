// npm run bench:webhooks — one signed real-shaped Jira webhook per request (autocannon), against a
// bare Node server (read body, check HMAC-SHA256, parse JSON), the standalone process, and the
// distributed shape (ingest-gateway -> Kafka -> projector/API, PostgreSQL), in one run.
// Each Flowlens mode is then loaded again at half its rate (open loop): p99 without the queue.
// BENCH_CONNECTIONS (32), BENCH_DURATION (seconds per mode, 10), BENCH_MODES (bare,standalone,distributed),
// BENCH_PROFILE_DIR (write V8 CPU profiles of the load window there: the webhook process, and in distributed
// the projector/API process too), BENCH_STANDALONE_ROLES
// (e.g. gateway,api: the standalone process without its projector, to split the costs).
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, createTestDatabase, KAFKA_BROKERS, setUpWorkspace, uniqueTopicPrefix } from '@flowlens/testing';
import { report } from './bench-report';
import { type LoadResult, loadWebhooks, pacedWebhooks, percentile, type ProcessStats, sampleFreshness, withProcessStats } from './webhook-load';

const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 32);
const DURATION_S = Number(process.env['BENCH_DURATION'] ?? 10);
const MODES = (process.env['BENCH_MODES'] ?? 'bare,standalone,distributed').split(',');
const ADMIN = 'bench-admin-token-0123456789';
const SECRET = 'bench-jira-secret';
const ROLES: Record<string, string> = process.env['BENCH_STANDALONE_ROLES'] ? { FLOWLENS_ROLES: process.env['BENCH_STANDALONE_ROLES'] } : {};
const PROFILE_DIR = process.env['BENCH_PROFILE_DIR'];
const PROFILE: Record<string, string> = PROFILE_DIR ? { NODE_OPTIONS: `--require ${join(__dirname, 'cpu-profile.preload.js')}`, BENCH_PROFILE_DIR: PROFILE_DIR } : {};

interface ModeResult extends LoadResult {
  readonly freshnessP95: number;
  readonly freshnessSamples: number;
  /** The same load paced at half the saturating rate: the latency without the queue. */
  readonly paced: LoadResult;
  /** The webhook process' breakdown of the paced run. */
  readonly pacedStats: ProcessStats;
}

async function bare(): Promise<LoadResult> {
  const child: ChildProcess = fork(join(__dirname, 'bare-webhook.server.js'), [], { env: { BARE_SECRET: SECRET }, stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        const match = /listening (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      child.once('exit', (code) => reject(new Error(`bare server exited with ${code}`)));
    });
    return await loadWebhooks(`http://127.0.0.1:${port}`, '/webhook', SECRET, child.pid as number, { connections: CONNECTIONS, durationS: DURATION_S });
  } finally {
    child.kill('SIGTERM');
  }
}

/** Load on `webhooks` while freshness is sampled through `api`. */
async function measure(webhooks: AppProcess, api: AppProcess): Promise<ModeResult> {
  const { client, connector } = await setUpWorkspace(new ApiClient(api.url), ADMIN, { type: 'jira', secret: SECRET });
  let running = true;
  if (PROFILE_DIR) for (const app of new Set([webhooks, api])) process.kill(app.pid as number, 'SIGUSR2'); // the profiles start with the load
  const projecting = !ROLES['FLOWLENS_ROLES'] || ROLES['FLOWLENS_ROLES'].includes('projector');
  const freshness = projecting ? sampleFreshness(new ApiClient(webhooks.url), connector.webhookPath, SECRET, client, () => running) : Promise.resolve([]);
  const load = await loadWebhooks(webhooks.url, connector.webhookPath, SECRET, webhooks.pid as number, { connections: CONNECTIONS, durationS: DURATION_S }).finally(() => (running = false));
  const samples = await freshness;
  const rate = Math.max(1, Math.round(load.rate / 2));
  const [paced, pacedStats] = await withProcessStats(webhooks.url, () => pacedWebhooks(webhooks.url, connector.webhookPath, SECRET, webhooks.pid as number, { connections: CONNECTIONS, durationS: DURATION_S, rate }));
  return { ...load, freshnessP95: percentile(samples, 95), freshnessSamples: samples.length, paced, pacedStats };
}

async function standalone(): Promise<ModeResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-bench-webhooks-'));
  const app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', LOG_LEVEL: 'warn', ...PROFILE, ...ROLES });
  try {
    await app.waitReady();
    return await measure(app, app);
  } finally {
    await app.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function distributed(): Promise<ModeResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-bench-webhooks-'));
  const database = await createTestDatabase();
  const shared = { DATABASE_URL: database.url, EVENT_LOG: 'kafka', KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: uniqueTopicPrefix(), FLOWLENS_SECRET_KEY: 'bench-key', LOG_LEVEL: 'warn' };
  const gateway = await AppProcess.start('ingest-gateway', { ...shared, ...PROFILE });
  const analytics = await AppProcess.start('standalone', { ...shared, FLOWLENS_ROLES: 'projector,api', FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false', ...PROFILE });
  try {
    await gateway.waitReady();
    await analytics.waitReady();
    return await measure(gateway, analytics);
  } finally {
    await gateway.stop('SIGTERM');
    await analytics.stop('SIGTERM');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const ms = (value: number): string => `${Number.isFinite(value) ? Math.round(value) : '-'} ms`;

async function main(): Promise<void> {
  const loadBefore = loadavg()[0] as number;
  const floor = MODES.includes('bare') ? await bare() : null;
  const results: Record<string, ModeResult> = {};
  if (MODES.includes('standalone')) results['standalone'] = await standalone();
  if (MODES.includes('distributed')) results['distributed'] = await distributed();
  const rows: Array<[string, string | number]> = [['connections / seconds per mode', `${CONNECTIONS} / ${DURATION_S}`]];
  if (floor) rows.push(['bare Node (req/s, p50 / p99)', `${floor.rate.toLocaleString('en-US')}  ${ms(floor.p50)} / ${ms(floor.p99)}`]);
  if (floor) rows.push(['bare Node CPU per request', `${floor.cpuMsPerRequest.toFixed(3)} ms`]);
  for (const [mode, r] of Object.entries(results)) {
    rows.push([`${mode} (req/s, p50 / p99)`, `${r.rate.toLocaleString('en-US')}  ${ms(r.p50)} / ${ms(r.p99)}  (${r.accepted} accepted, ${r.failed} failed)`]);
    rows.push([`${mode} CPU per request (webhook process)`, `${r.cpuMsPerRequest.toFixed(3)} ms`]);
    if (floor) rows.push([`${mode} / bare (rate; CPU per request)`, `${(r.rate / floor.rate).toFixed(2)}; ${(floor.cpuMsPerRequest / r.cpuMsPerRequest).toFixed(2)}`]);
    rows.push([`${mode} freshness p95 (202 -> throughput)`, `${ms(r.freshnessP95)} over ${r.freshnessSamples} samples`]);
    rows.push([`${mode} paced at half that rate (req/s, p50 / p99)`, `${r.paced.rate.toLocaleString('en-US')}  ${ms(r.paced.p50)} / ${ms(r.paced.p99)}  (${r.paced.failed} failed)`]);
    const s = r.pacedStats;
    rows.push([`${mode} paced: append wait, group; loop delay p99 / max`, `${s.appendWaitMs.toFixed(1)} ms, ${s.groupSize.toFixed(1)}; ${ms(s.loopDelayP99Ms)} / ${ms(s.loopDelayMaxMs)}`]);
  }
  rows.push(['load average (1 min) before / after', `${loadBefore.toFixed(2)} / ${(loadavg()[0] as number).toFixed(2)}`]);
  report('webhooks', rows, { connections: CONNECTIONS, durationS: DURATION_S, bare: floor, ...results, loadAverage: { before: loadBefore, after: loadavg()[0] } });
}

void main().catch((error: Error) => {
  console.error(`bench:webhooks failed: ${error.message}`);
  process.exit(1);
});
