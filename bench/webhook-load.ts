import { readFileSync } from 'node:fs';
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
  /** Requests per second in all (open loop, latency counted from each request's schedule); unset: as fast as answered. */
  readonly rate?: number;
}

/** Numbers the bodies across runs, so a later run's deliveries are new issues, never duplicates. */
let bodyNumber = 0;

/** CPU time (user + system, ms) of a process so far, from /proc (Linux). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
}
const CLOCK_TICKS = 100;

/** One signed Jira webhook per request over `connections` keep-alive connections, against the server of process `pid`. */
export async function loadWebhooks(url: string, path: string, secret: string, pid: number, options: LoadOptions): Promise<LoadResult> {
  const cpuBefore = cpuMs(pid);
  const body = distinctCreatedBodies(Date.now() - 3 * 86_400_000);
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    ...(options.rate ? { overallRate: options.rate } : {}),
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const n = bodyNumber++;
          const text = body(n);
          return {
            ...request,
            body: text,
            headers: { 'content-type': 'application/json', 'x-hub-signature': signJira(text, secret), 'x-atlassian-webhook-identifier': `load-${n + 1}` },
          };
        },
      },
    ],
  });
  const answered = result['2xx'] + result.non2xx;
  return { cpuMsPerRequest: (cpuMs(pid) - cpuBefore) / Math.max(1, answered), rate: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, accepted: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
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
