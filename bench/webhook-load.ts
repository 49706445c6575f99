import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import autocannon from 'autocannon';
import { signJiraBody } from '@flowlens/connector-jira';
import type { ApiClient } from '@flowlens/testing';
import { createdThenDoneBodies, distinctCreatedBodies } from './jira-webhook.bodies';

const signJira = (body: string, secret: string): string => signJiraBody(Buffer.from(body), secret);

export interface LoadResult {
  /** Milliseconds of CPU (user + system) the server process spent per answered request. */
  readonly cpuMsPerRequest: number;
  readonly rate: number;
  readonly p50: number;
  readonly p99: number;
  readonly accepted: number;
  readonly failed: number;
}

export interface LoadOptions {
  readonly connections: number;
  readonly durationS: number;
}

/** Numbers the bodies across runs, so a later run's deliveries are new issues, never duplicates. */
let bodyNumber = 0;

/** Signed, distinct `jira:issue_created` deliveries, one per call, numbered across runs. */
function deliveries(secret: string): () => { body: string; headers: Record<string, string> } {
  const body = distinctCreatedBodies(Date.now() - 3 * 86_400_000);
  return () => {
    const n = bodyNumber++;
    const text = body(n);
    return { body: text, headers: { 'content-type': 'application/json', 'x-hub-signature': signJira(text, secret), 'x-atlassian-webhook-identifier': `load-${n + 1}` } };
  };
}

/** CPU time (user + system, ms) of a process so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** One signed Jira webhook per request over `connections` keep-alive connections, against the server of process `pid`. */
export async function loadWebhooks(url: string, path: string, secret: string, pid: number, options: LoadOptions): Promise<LoadResult> {
  const cpuBefore = cpuMs(pid);
  const next = deliveries(secret);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => ({ ...request, ...next() }),
      },
    ],
  });
  const answered = result['2xx'] + result.non2xx;
  return { cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, answered), rate: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, accepted: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * The same deliveries, open loop: request k is due at start + k / `rate`, evenly spaced (autocannon's
 * own rate limit sends each connection's quota back to back at the top of every second, which
 * measures the queue again). Latency counts from when a request was due, so a server that falls
 * behind is charged for the wait (no coordinated omission). At most `connections` are in flight;
 * the rest wait their turn inside the agent, on the clock.
 */
export async function pacedWebhooks(url: string, path: string, secret: string, pid: number, options: LoadOptions & { readonly rate: number }): Promise<LoadResult> {
  const cpuBefore = cpuMs(pid);
  const next = deliveries(secret);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const { hostname, port } = new URL(url);
  const total = Math.round(options.rate * options.durationS);
  const latencies: number[] = [];
  let accepted = 0;
  let failed = 0;
  const send = (due: number): Promise<void> =>
    new Promise((resolve) => {
      const delivery = next();
      const headers = { ...delivery.headers, 'content-length': Buffer.byteLength(delivery.body) };
      const done = (ok: boolean): void => {
        latencies.push(performance.now() - due);
        if (ok) accepted++;
        else failed++;
        resolve();
      };
      request({ agent, hostname, port, path, method: 'POST', headers }, (response) => {
        response.resume();
        response.once('end', () => done(response.statusCode === 202));
      })
        .once('error', () => done(false))
        .end(delivery.body);
    });
  const start = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let k = 0; k < total; k++) {
    const due = start + (k * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    inFlight.push(send(due));
  }
  await Promise.all(inFlight);
  const elapsedS = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, total),
    rate: Math.round(total / elapsedS),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    accepted,
    failed,
  };
}

/** What the webhook process' own /metrics say about a stretch of load (the paced run's breakdown). */
export interface ProcessStats {
  /** Mean time a delivery waited for its durable append (ms). */
  readonly appendWaitMs: number;
  /** Mean deliveries per durable write. */
  readonly groupSize: number;
  /** Event-loop delay over the stretch (ms) beyond the histogram's 10 ms sampling interval: how long a ready request could wait for the thread. */
  readonly loopDelayP99Ms: number;
  readonly loopDelayMaxMs: number;
}

type Scrape = Map<string, number>;
/** prom-client samples the event loop every 10 ms, and an idle loop reads as 10 ms of delay. */
const LOOP_SAMPLING_MS = 10;

async function scrape(url: string): Promise<Scrape> {
  const text = await (await fetch(`${url}/metrics`)).text();
  const values: Scrape = new Map();
  for (const line of text.split('\n')) {
    const match = /^(flowlens_log_append_(?:seconds|group_size)_(?:sum|count)|nodejs_eventloop_lag_(?:p99|max)_seconds)(?:\{[^}]*\})? (\S+)$/.exec(line);
    if (match) values.set(match[1] as string, (values.get(match[1] as string) ?? 0) + Number(match[2]));
  }
  return values;
}

/** Runs `load` between two scrapes of the process at `url` (the event-loop histogram resets at each scrape). */
export async function withProcessStats<T>(url: string, load: () => Promise<T>): Promise<[T, ProcessStats]> {
  const before = await scrape(url);
  const result = await load();
  const after = await scrape(url);
  const delta = (name: string): number => (after.get(name) ?? 0) - (before.get(name) ?? 0);
  return [
    result,
    {
      appendWaitMs: (1000 * delta('flowlens_log_append_seconds_sum')) / Math.max(1, delta('flowlens_log_append_seconds_count')),
      groupSize: delta('flowlens_log_append_group_size_sum') / Math.max(1, delta('flowlens_log_append_group_size_count')),
      loopDelayP99Ms: 1000 * (after.get('nodejs_eventloop_lag_p99_seconds') ?? Number.NaN) - LOOP_SAMPLING_MS,
      loopDelayMaxMs: 1000 * (after.get('nodejs_eventloop_lag_max_seconds') ?? Number.NaN) - LOOP_SAMPLING_MS,
    },
  ];
}

/**
 * Freshness while `running()` holds: an item (project FRS) is created and moved to Done, and the
 * time from the Done delivery's 202 to the item counting in throughput is one sample.
 */
export async function sampleFreshness(webhooks: ApiClient, webhookPath: string, secret: string, api: ApiClient, running: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  const at = Date.now() - 2 * 86_400_000;
  const send = async (body: string): Promise<number> => {
    const response = await webhooks.post(webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, secret) });
    if (response.status !== 202) throw new Error(`freshness probe answered ${response.status}: ${JSON.stringify(response.body)}`);
    return Date.now();
  };
  for (let i = 1; running(); i++) {
    const [created, done] = createdThenDoneBodies(i, at);
    await send(created);
    const acked = await send(done);
    for (;;) {
      const throughput = await api.get<{ total: number }>('/api/v1/metrics/throughput?boardId=FRS');
      if (throughput.status === 200 && throughput.body.total >= i) break;
      if (Date.now() - acked > 60_000) throw new Error(`FRS-${i} not visible in throughput within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    samples.push(Date.now() - acked);
  }
  return samples;
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
