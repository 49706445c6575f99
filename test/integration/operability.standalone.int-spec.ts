// The standalone process stays responsive and observable: a Monte Carlo forecast runs on a worker
// thread while /health and webhooks answer, impossible inputs are 400s, and /metrics exposes the
// pipeline's figures in Prometheus text.
import { issueCreated, signJira } from '../support/jira-webhooks';
import { TOPICS } from '@flowlens/contracts';
import { type ApiClient, type AppProcess, eventually, type StandaloneWorkspace, startStandaloneWorkspace } from '@flowlens/testing';

const ADMIN = 'admin-token-for-tests-0123456789';
const SECRET = 'jira-webhook-secret-42';

/** The value of one sample (`name{labels} value`) in Prometheus text, or undefined. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-z_:]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = (match[2] ?? '').split(',');
    if (wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return undefined;
}

describe('operability, standalone', () => {
  let standalone: StandaloneWorkspace;
  let app: AppProcess;
  let api: ApiClient;
  let ws: StandaloneWorkspace['ws'];

  const metrics = async () => {
    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    return response.text();
  };
  const deliver = (payload: unknown, secret = SECRET) => {
    const body = JSON.stringify(payload);
    return api.post<{ accepted: number }>(ws.connector.webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, secret) });
  };

  beforeAll(async () => {
    standalone = await startStandaloneWorkspace(ADMIN, { type: 'jira', secret: SECRET });
    ({ app, api, ws } = standalone);
  });

  afterAll(async () => expect(await standalone.stop()).toBe(0));

  it('answers /health and a webhook while the largest forecast runs, then answers the forecast', async () => {
    const by = new Date(Date.now() + 1500 * 86_400_000).toISOString().slice(0, 10);
    let forecastDone = false;
    const forecast = ws.client.get<{ p50: number; days: number; trials: number }>(`/api/v1/forecast/how-many?by=${by}&trials=100000&seed=3`).finally(() => (forecastDone = true));

    // The forecast is on a worker thread (the pool counts it) before the other requests go out.
    await eventually(metrics, (text) => sample(text, 'flowlens_forecasts_running') === 1, { what: 'the forecast running on the pool' });
    expect((await api.get('/health')).status).toBe(200);
    expect(await deliver(issueCreated(1, Date.now() - 86_400_000))).toMatchObject({ status: 202, body: { accepted: 1 } });
    expect(sample(await metrics(), 'flowlens_forecasts_running')).toBe(1);
    expect(forecastDone).toBe(false);

    const answer = await forecast;
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ trials: 100_000, days: expect.any(Number), p50: expect.any(Number) });
    expect(sample(await metrics(), 'flowlens_forecasts_running')).toBe(0);
  });

  it.each([
    ['by=9999-12-31', /by may be at most 3650 days after asOf/],
    ['by=2027-13-01', /the query is not valid/],
    ['by=2027-02-30', /the query is not valid/],
    ['by=2030-01-01&trials=100001', /the query is not valid/],
    ['by=2030-01-01&asOf=2026-02-30T00:00:00Z', /the query is not valid/],
    ['by=2030-01-01&asOf=-1', /the query is not valid/],
  ])('refuses forecast/how-many?%s with a 400 naming the problem', async (query, message) => {
    const response = await ws.client.get<{ error: { code: string; message: string; details: Array<{ path: string }> } }>(`/api/v1/forecast/how-many?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(message);
  });

  it('names the bound a forecast parameter breaks', async () => {
    const response = await ws.client.get<{ error: { details: Array<{ path: string; message: string }> } }>('/api/v1/forecast/when?items=100001');
    expect(response.status).toBe(400);
    expect(response.body.error.details).toEqual([expect.objectContaining({ path: 'items', message: expect.stringContaining('100000') })]);
  });

  it.each(['asOf=2026-02-30T00:00:00Z', 'asOf=-1', 'asOf=2026-01-01', 'from=2027-02-30', 'to=2027-13-01'])('refuses metrics/throughput?%s', async (query) => {
    const response = await ws.client.get<{ error: { code: string } }>(`/api/v1/metrics/throughput?${query}`);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('invalid_query');
  });

  it('refuses NUL bytes and overlong ids in paths, and deeply nested connector settings', async () => {
    for (const [method, path] of [
      ['GET', '/api/v1/dead-letters/%00'],
      ['POST', '/api/v1/dead-letters/%00/redrive'],
      ['POST', '/api/v1/dead-letters/a%00b/discard'],
      ['GET', '/api/v1/workflows/%00/versions'],
      ['PUT', `/api/v1/workflows/${'B'.repeat(201)}`],
      ['GET', '/api/v1/items/%00'],
    ] as const) {
      const response = await ws.client.request<{ error: { code: string } }>(method, path, method === 'PUT' ? { stages: [{ name: 'Done', category: 'done', statuses: ['Done'] }] } : undefined);
      expect([method, path, response.status, response.body.error.code]).toEqual([method, path, 400, 'invalid_path']);
    }
    const deep = `{"type":"jira","name":"deep","settings":${'{"a":'.repeat(3000)}1${'}'.repeat(3000)}}`;
    const response = await ws.client.post<{ error: { code: string } }>('/api/v1/connectors', deep, { 'content-type': 'application/json' });
    expect([response.status, response.body.error.code]).toEqual([400, 'body_too_deep']);
    const nested = await ws.client.post<{ error: { details: Array<{ path: string; message: string }> } }>('/api/v1/connectors', { type: 'jira', name: 'nested', settings: JSON.parse(`${'{"a":'.repeat(9)}1${'}'.repeat(9)}`) });
    expect(nested.status).toBe(400);
    expect(nested.body.error.details).toEqual([expect.objectContaining({ path: 'settings', message: 'may nest at most 8 levels deep' })]);
  });

  it('exposes webhook, log, projector, HTTP, dead-letter and lag figures at /metrics', async () => {
    expect((await deliver(issueCreated(2, Date.now() - 86_400_000), 'not-the-secret')).status).toBe(401);
    expect((await api.post(ws.connector.webhookPath, '{"broken', { 'content-type': 'application/json' })).status).toBe(400);
    expect((await deliver(issueCreated(3, Date.now() - 86_400_000))).status).toBe(202);
    await eventually(() => ws.client.get('/api/v1/items/KAN-3'), (r) => r.status === 200, { what: 'KAN-3 projected' });

    const text = await eventually(metrics, (t) => sample(t, 'flowlens_consumer_lag', { topic: TOPICS.workItemEvents }) === 0, { what: 'the projector caught up' });
    expect(sample(text, 'flowlens_webhooks_received_total', { source: 'jira' })).toBe(4);
    expect(sample(text, 'flowlens_webhooks_accepted_total', { source: 'jira', outcome: 'events' })).toBe(2);
    expect(sample(text, 'flowlens_webhooks_rejected_total', { source: 'jira', reason: 'invalid_signature' })).toBe(1);
    expect(sample(text, 'flowlens_webhooks_rejected_total', { source: 'jira', reason: 'malformed_json' })).toBe(1);
    expect(sample(text, 'flowlens_log_append_seconds_count', { log: 'embedded' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'flowlens_log_append_group_size_count', { log: 'embedded' })).toBeGreaterThanOrEqual(2);
    expect(sample(text, 'flowlens_projector_batch_size_count', { topic: TOPICS.workItemEvents })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'flowlens_projector_insert_seconds_count', { topic: TOPICS.workItemEvents })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'flowlens_http_request_seconds_count', { method: 'GET', route: '/api/v1/items/:itemKey', status: '200' })).toBeGreaterThanOrEqual(1);
    // Webhooks are answered ahead of the router; they are still timed by their route template.
    expect(sample(text, 'flowlens_http_request_seconds_count', { method: 'POST', route: '/webhooks/jira/:connectorId', status: '202' })).toBe(2);
    expect(sample(text, 'flowlens_http_request_seconds_count', { method: 'POST', route: '/webhooks/jira/:connectorId', status: '401' })).toBe(1);
    expect(sample(text, 'flowlens_http_request_seconds_count', { method: 'GET', route: '/api/v1/forecast/how-many', status: '400' })).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'flowlens_dead_letters_open')).toBe(0);
    expect(text).not.toContain(ws.workspaceId);
  });
});
