import autocannon from 'autocannon';
import { ApiClient } from '@flowlens/testing';
import { issueCreated, issueTransitioned, signJira } from '../test/support/jira-webhooks';

export interface LoadResult {
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

/**
 * A real-shaped `jira:issue_created` body per request, each for a distinct issue (project LOAD).
 * The payload is serialised once; each request only splices its number in, so the client's own
 * cost stays small and equal for every server measured.
 */
export function distinctIssueBodies(at: number): (n: number) => string {
  const payload = issueCreated(0, at, { project: 'LOAD', summary: 'Load item __N__' });
  const issue = payload['issue'] as Record<string, unknown>;
  issue['id'] = '__N__';
  issue['key'] = 'LOAD-__N__';
  issue['self'] = 'https://acme-flow.atlassian.net/rest/api/2/issue/__N__';
  const parts = JSON.stringify(payload).split('__N__');
  return (n) => parts.join(String(100_000 + n));
}

/** One signed Jira webhook per request over `connections` keep-alive connections. */
export async function loadWebhooks(url: string, path: string, secret: string, options: LoadOptions): Promise<LoadResult> {
  const body = distinctIssueBodies(Date.now() - 3 * 86_400_000);
  let n = 0;
  const result = await autocannon({
    url,
    connections: options.connections,
    duration: options.durationS,
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const text = body(n++);
          return {
            ...request,
            body: text,
            headers: { 'content-type': 'application/json', 'x-hub-signature': signJira(text, secret), 'x-atlassian-webhook-identifier': `load-${n}` },
          };
        },
      },
    ],
  });
  return { rate: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, accepted: result['2xx'], failed: result.non2xx + result.errors + result.timeouts };
}

/**
 * Freshness while `running()` holds: an item (project FRS) is created and moved to Done, and the
 * time from the Done delivery's 202 to the item counting in throughput is one sample.
 */
export async function sampleFreshness(webhooks: ApiClient, webhookPath: string, secret: string, api: ApiClient, running: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  const at = Date.now() - 2 * 86_400_000;
  const send = async (payload: object): Promise<number> => {
    const body = JSON.stringify(payload);
    const response = await webhooks.post(webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, secret) });
    if (response.status !== 202) throw new Error(`freshness probe answered ${response.status}: ${JSON.stringify(response.body)}`);
    return Date.now();
  };
  for (let i = 1; running(); i++) {
    await send(issueCreated(i, at, { project: 'FRS' }));
    const acked = await send(issueTransitioned(i, at + 60_000, 'To Do', 'Done', 900_000 + i, { project: 'FRS' }));
    for (;;) {
      const throughput = await api.get<{ total: number }>('/api/v1/metrics/throughput?boardId=FRS');
      if (throughput.status === 200 && throughput.body.total >= i) break;
      if (Date.now() - acked > 60_000) throw new Error(`FRS-${i} not visible in throughput within 60 s`);
      await new Promise((resolve) => setTimeout(resolve, 20));
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
