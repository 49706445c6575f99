// npm run bench:backfill — a recorded Jira Cloud project (the replay server, BENCH_ISSUES issues,
// default 1,200, with full paged changelogs) back-filled through the CLI (`flowlens import jira`)
// into Kafka, then projected into ClickHouse: issues/s and events/s for the import and end to end.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, createTestDatabase, eventually, KAFKA_BROKERS, KafkaProbe, repoRoot, runToExit, setUpWorkspace, uniqueTopicPrefix } from '@flowlens/testing';
import { rate, report } from './bench-report';

const ISSUES = Number(process.env.BENCH_ISSUES ?? 1200);
const ADMIN = 'bench-admin-token-0123456789';
const JQL = 'project = FLOW ORDER BY created ASC';

interface Replay {
  readonly baseUrl: string;
  readonly issues: number;
  readonly histories: number;
  readonly done: number;
  readonly email: string;
  readonly apiToken: string;
}

/** The replay server runs as its own process, as a Jira site would, so it takes no CPU from the importer's event loop. */
async function startReplay(): Promise<{ replay: Replay; child: ChildProcess }> {
  const child = spawn(process.execPath, [join(repoRoot(), 'dist', 'test', 'support', 'jira', 'jira-replay.main.js')], {
    env: { PATH: process.env.PATH ?? '', REPLAY_ISSUES: String(ISSUES) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.split('\n')[0] as string);
    });
    child.once('exit', (code) => reject(new Error(`the replay server exited with ${code}`)));
  });
  return { replay: JSON.parse(line) as Replay, child };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-bench-backfill-'));
  const database = await createTestDatabase();
  const topicPrefix = uniqueTopicPrefix();
  const env = { DATABASE_URL: database.url, EVENT_LOG: 'kafka', KAFKA_BROKERS, KAFKA_TOPIC_PREFIX: topicPrefix, FLOWLENS_SECRET_KEY: 'bench-key', LOG_LEVEL: 'warn' };
  const { replay, child } = await startReplay();
  const gateway = await AppProcess.start('ingest-gateway', env);
  const analytics = await AppProcess.start('standalone', { ...env, FLOWLENS_ROLES: 'projector,api', FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
  const probe = new KafkaProbe(topicPrefix);
  try {
    await gateway.waitReady();
    await analytics.waitReady();
    const { client, apiKey, connector } = await setUpWorkspace(new ApiClient(analytics.url), ADMIN, { type: 'jira', secret: 'bench-jira-secret' });

    const started = Date.now();
    const run = await runToExit('cli', ['import', 'jira', '--connector', connector.id, '--base-url', replay.baseUrl, '--jql', JQL, '--email', replay.email, '--token', replay.apiToken], env, 600_000);
    const cliMs = Date.now() - started;
    if (run.code !== 0) throw new Error(`the CLI import failed: ${run.stderr.trim().split('\n').at(-1) ?? ''}`);
    const jobId = /import job ([0-9a-f-]{36})/.exec(run.stdout)?.[1] ?? '';
    const job = (await new ApiClient(gateway.url, apiKey).get<{ itemsDone: number; eventsAppended: number; startedAt: string; finishedAt: string }>(`/api/v1/imports/${jobId}`)).body;
    const jobMs = Date.parse(job.finishedAt) - Date.parse(job.startedAt);

    await eventually(() => probe.lag('flowlens-projector'), (p) => p.lag === 0, { timeoutMs: 600_000, intervalMs: 100, what: 'projector caught up' });
    const endToEndMs = Date.now() - started;
    const throughput = (await client.get<{ total: number }>('/api/v1/metrics/throughput?from=2023-01-01&to=2024-12-31')).body.total;
    if (throughput !== replay.done) throw new Error(`throughput says ${throughput} issues done; the recording has ${replay.done}`);

    report(
      'backfill',
      [
        ['issues (changelog histories)', `${job.itemsDone.toLocaleString('en-US')} (${replay.histories.toLocaleString('en-US')})`],
        ['events appended', job.eventsAppended],
        ['import job, REST -> Kafka (s)', (jobMs / 1000).toFixed(1)],
        ['  issues/s', rate(job.itemsDone, jobMs)],
        ['  events/s', rate(job.eventsAppended, jobMs)],
        ['CLI wall time incl. start-up (s)', (cliMs / 1000).toFixed(1)],
        ['  issues/s', rate(job.itemsDone, cliMs)],
        ['end to end, into ClickHouse (s)', (endToEndMs / 1000).toFixed(1)],
        ['  issues/s', rate(job.itemsDone, endToEndMs)],
        ['  events/s', rate(job.eventsAppended, endToEndMs)],
        ['issues done, by the API (= recording)', throughput],
      ],
      {
        issues: job.itemsDone,
        histories: replay.histories,
        events: job.eventsAppended,
        ms: { job: jobMs, cli: cliMs, endToEnd: endToEndMs },
        issuesPerSecond: { job: rate(job.itemsDone, jobMs), cli: rate(job.itemsDone, cliMs), endToEnd: rate(job.itemsDone, endToEndMs) },
        eventsPerSecond: { job: rate(job.eventsAppended, jobMs), endToEnd: rate(job.eventsAppended, endToEndMs) },
      },
    );
  } finally {
    await probe.close();
    await gateway.stop('SIGTERM');
    await analytics.stop('SIGTERM');
    child.kill('SIGTERM');
    await database.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((error: Error) => {
  console.error(`bench:backfill failed: ${error.message}`);
  process.exit(1);
});
