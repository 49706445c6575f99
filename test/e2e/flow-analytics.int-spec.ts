// Flow analytics through the HTTP API on data that went through the real pipeline (gateway ->
// embedded log -> projector -> ClickHouse), held to the reference implementation: figures,
// point in time, workflow-map edits taking effect at once, rebuild from the log, forecasts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GenericWebhookConnector, signGenericBody } from '@flowlens/connector-generic';
import type { CanonicalEvent } from '@flowlens/contracts';
import {
  buildTimelines,
  computeAging,
  computeCfd,
  computeCycleTime,
  computeFlowDistribution,
  computeFlowEfficiency,
  computeFlowLoad,
  computeLeadTime,
  computeLittlesLaw,
  computeThroughput,
  computeWip,
  forecastHowMany,
  type MetricQuery,
  type WorkflowMap,
} from '@flowlens/metrics';
import { berlinFortnight, BERLIN_QUERY } from '@flowlens/metrics/testing';
import { ApiClient, AppProcess, eventually, runToExit, setUpWorkspace } from '@flowlens/testing';
import { toGenericEvent } from '../support/generic-events';

const ADMIN = 'admin-token-for-flow-analytics';
const SECRET = 'generic-secret-for-flow-tests';
const Q = `from=${BERLIN_QUERY.from}&to=${BERLIN_QUERY.to}`;
const KAN_MAP: WorkflowMap = {
  boardId: 'KAN',
  stages: [
    { name: 'Backlog', category: 'backlog', statuses: ['To Do'] },
    { name: 'Doing', category: 'active', statuses: ['In Progress'] },
    { name: 'Review', category: 'wait', statuses: ['In Review'] },
    { name: 'Done', category: 'done', statuses: ['Done'] },
  ],
};

describe('flow analytics through the HTTP API on pipeline data', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-flow-'));
  const env = { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' };
  let app: AppProcess;
  let client: ApiClient;
  let webhookPath = '';
  let workspaceId = '';
  let connectorId = '';
  let accepted: CanonicalEvent[] = [];
  let firstBatchKnownAt = '';
  const oracleQuery = (maps: WorkflowMap[] = []): MetricQuery => ({ ...BERLIN_QUERY, timezone: 'Europe/Berlin', workflows: maps });

  /** Posts events as signed generic deliveries; returns the canonical events the gateway made of them. */
  async function post(events: readonly CanonicalEvent[], receivedAt: string): Promise<CanonicalEvent[]> {
    const generic = events.map(toGenericEvent);
    const body = JSON.stringify({ events: generic });
    const response = await new ApiClient(app.url).post(webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) });
    expect(response.status).toBe(202);
    const result = new GenericWebhookConnector().normalise({ events: generic }, { workspaceId, connectorId, receivedAt, settings: {} });
    if (result.kind !== 'events') throw new Error('fixture did not normalise');
    return result.events;
  }

  const get = async <T>(path: string): Promise<T> => {
    const response = await client.get<T>(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };

  beforeAll(async () => {
    app = await AppProcess.start('standalone', env);
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'generic', secret: SECRET }, 'Europe/Berlin');
    ({ client, workspaceId } = ws);
    webhookPath = ws.connector.webhookPath;
    connectorId = ws.connector.id;
    // Two deliveries: what was known at `firstBatchKnownAt`, and a later batch with late events.
    const events = berlinFortnight();
    const cut = Math.floor(events.length * 0.6);
    accepted = await post(events.slice(0, cut), new Date(Date.now()).toISOString());
    firstBatchKnownAt = new Date(Date.now() + 5).toISOString();
    await new Promise((r) => setTimeout(r, 20));
    accepted = [...accepted.map((e) => ({ ...e, receivedAt: new Date(Date.parse(firstBatchKnownAt) - 1).toISOString() }) as CanonicalEvent), ...(await post(events.slice(cut), new Date(Date.parse(firstBatchKnownAt) + 1).toISOString()))];
    const expected = computeThroughput(buildTimelines(accepted), oracleQuery()).total;
    await eventually(() => get<{ total: number }>(`/api/v1/metrics/throughput?${Q}`), (r) => r.total === expected, { what: 'all events projected' });
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function expectFigures(maps: WorkflowMap[], asOf?: string): Promise<void> {
    const timelines = buildTimelines(accepted, asOf ? { asOf } : {});
    const query = oracleQuery(maps);
    const at = asOf ? `&asOf=${encodeURIComponent(asOf)}` : '';
    expect(await get(`/api/v1/metrics/throughput?${Q}${at}`)).toEqual(computeThroughput(timelines, query, 'day'));
    expect(await get(`/api/v1/metrics/throughput?interval=week&${Q}${at}`)).toEqual(computeThroughput(timelines, query, 'week'));
    const listed = <T extends { items: readonly unknown[] }>(r: T) => ({ ...r, itemsTotal: r.items.length, itemsTruncated: false });
    const cycle = computeCycleTime(timelines, query);
    expect(await get(`/api/v1/metrics/cycle-time?${Q}${at}`)).toEqual(listed(cycle));
    expect(await get(`/api/v1/metrics/lead-time?${Q}${at}`)).toEqual(listed(computeLeadTime(timelines, query)));
    if (cycle.items.length > 2) {
      // A capped list keeps the latest done items and the exact percentiles of all of them.
      expect(await get(`/api/v1/metrics/cycle-time?${Q}${at}&limit=2`)).toEqual({ ...cycle, items: cycle.items.slice(-2), itemsTotal: cycle.items.length, itemsTruncated: true });
    }
    expect(await get(`/api/v1/metrics/wip?${Q}${at}`)).toEqual(computeWip(timelines, query));
    expect(await get(`/api/v1/metrics/cfd?${Q}${at}`)).toEqual(computeCfd(timelines, query));
    expect(await get(`/api/v1/metrics/flow-efficiency?${Q}${at}`)).toEqual(computeFlowEfficiency(timelines, query));
    expect(await get(`/api/v1/metrics/flow-distribution?${Q}${at}`)).toEqual(computeFlowDistribution(timelines, query));
    const { count, p50, p70, p85, p95, mean } = cycle;
    expect(await get(`/api/v1/metrics/flow-framework?${Q}${at}`)).toEqual({
      velocity: count,
      time: { count, p50, p70, p85, p95, mean },
      load: computeFlowLoad(timelines, query).load,
      efficiency: computeFlowEfficiency(timelines, query),
      distribution: computeFlowDistribution(timelines, query),
    });
    expect(await get(`/api/v1/metrics/littles-law?${Q}${at}`)).toEqual(computeLittlesLaw(timelines, query));
    const aging = computeAging(timelines, { ...query });
    // itemsBeyond counts the listed items (oldest first) older than each percentile.
    const beyond = (items: ReadonlyArray<{ ageDays: number }>) =>
      Object.fromEntries((['p50', 'p70', 'p85', 'p95'] as const).map((k) => [k, aging.percentiles[k] === null ? 0 : items.filter((i) => i.ageDays > (aging.percentiles[k] as number)).length]));
    expect(await get(`/api/v1/metrics/aging?${Q}${at}`)).toEqual({ ...listed(aging), itemsBeyond: beyond(aging.items) });
    if (aging.items.length > 1) {
      // A capped list keeps the oldest items in progress and counts them all.
      expect(await get(`/api/v1/metrics/aging?${Q}${at}&limit=1`)).toEqual({ ...aging, items: aging.items.slice(0, 1), itemsTotal: aging.items.length, itemsTruncated: true, itemsBeyond: beyond(aging.items.slice(0, 1)) });
    }
  }

  it('answers every figure exactly as the reference implementation', async () => {
    await expectFigures([]);
  });

  it('answers as of a past instant from only the events known then', async () => {
    await expectFigures([], firstBatchKnownAt);
    const before = await get<{ total: number }>(`/api/v1/metrics/throughput?${Q}&asOf=${encodeURIComponent(firstBatchKnownAt)}`);
    const now = await get<{ total: number }>(`/api/v1/metrics/throughput?${Q}`);
    expect(before.total).toBeLessThanOrEqual(now.total);
    expect((await client.get(`/api/v1/metrics/throughput?asOf=${encodeURIComponent(new Date(Date.now() + 86_400_000).toISOString())}`)).status).toBe(400);
  });

  it('keeps the invariants: throughput sums to done items, CFD bands to live items, WIP from the CFD', async () => {
    const [throughput, cycle, cfd, wip] = await Promise.all([
      get<{ total: number; series: Array<{ count: number }> }>(`/api/v1/metrics/throughput?${Q}`),
      get<{ count: number }>(`/api/v1/metrics/cycle-time?${Q}`),
      get<{ stages: string[]; categories: Record<string, string>; series: Array<{ date: string; counts: Record<string, number> }> }>(`/api/v1/metrics/cfd?${Q}`),
      get<{ series: Array<{ date: string; wip: number }> }>(`/api/v1/metrics/wip?${Q}`),
    ]);
    expect(throughput.series.reduce((n, b) => n + b.count, 0)).toBe(cycle.count);
    cfd.series.forEach((day, i) => {
      const inProgress = cfd.stages.filter((s) => ['active', 'wait'].includes(cfd.categories[s] as string)).reduce((n, s) => n + (day.counts[s] ?? 0), 0);
      expect(inProgress).toBe(wip.series[i]?.wip);
    });
  });

  it('applies a workflow-map edit at once, and keeps every version', async () => {
    const put = await client.put<{ version: number }>('/api/v1/workflows/KAN', { stages: KAN_MAP.stages });
    expect(put.status).toBe(200);
    expect(put.body.version).toBe(1);
    await expectFigures([KAN_MAP]);
    const narrower = { ...KAN_MAP, stages: KAN_MAP.stages.map((s) => (s.name === 'Review' ? { ...s, category: 'active' as const } : s)) };
    expect((await client.put<{ version: number }>('/api/v1/workflows/KAN', { stages: narrower.stages })).body.version).toBe(2);
    await expectFigures([narrower]);
    const versions = await get<{ items: Array<{ version: number }> }>('/api/v1/workflows/KAN/versions');
    expect(versions.items.map((v) => v.version)).toEqual([2, 1]);
    const all = await get<{ items: Array<{ boardId: string; default: boolean }> }>('/api/v1/workflows');
    expect(all.items.find((m) => m.boardId === 'KAN')?.default).toBe(false);
    const invalid = await client.put<{ error: { details: unknown[] } }>('/api/v1/workflows/KAN', { stages: [{ name: 'A', category: 'doing', statuses: [] }] });
    expect(invalid.status).toBe(400);
  });

  it('forecasts reproducibly from the throughput history', async () => {
    // Recent history: 30 items started and finished over the last 60 days.
    const now = Date.now();
    const recent = Array.from({ length: 30 }, (_, n) => {
      const start = now - (64 - 2 * n) * 86_400_000;
      const item = { boardId: 'FC', itemId: `fc-${n}`, itemKey: `FC-${n}` };
      return [
        { ...item, id: `fc-c-${n}`, type: 'WorkItemCreated', occurredAt: new Date(start).toISOString(), status: { name: 'To Do', category: 'todo' }, fields: { title: `forecast ${n}` } },
        { ...item, id: `fc-d-${n}`, type: 'WorkItemStatusChanged', occurredAt: new Date(start + ((n % 3) + 1) * 86_400_000).toISOString(), to: { name: 'Done', category: 'done' } },
      ];
    }).flat();
    const body = JSON.stringify({ events: recent });
    expect((await new ApiClient(app.url).post(webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) })).status).toBe(202);
    await eventually(() => get<{ total: number }>('/api/v1/metrics/throughput?boardId=FC'), (r) => r.total === 30, { what: 'recent items projected' });

    const history = await get<{ series: Array<{ start: string; count: number }> }>('/api/v1/metrics/throughput');
    const today = history.series[history.series.length - 1]?.start as string;
    const by = new Date(Date.parse(`${today}T00:00:00Z`) + 14 * 86_400_000).toISOString().slice(0, 10);
    const answer = await get<{ p50: number; p85: number; p95: number; days: number }>(`/api/v1/forecast/how-many?by=${by}&seed=7`);
    const expected = forecastHowMany({ history: history.series.map((b) => b.count), days: 14, seed: 7, trials: 10_000 });
    expect(answer).toMatchObject({ days: 14, p50: expected.p50, p85: expected.p85, p95: expected.p95 });
    expect(answer.p50).toBeGreaterThan(0);
    expect(answer.p95).toBeLessThanOrEqual(answer.p85);
    expect(await get(`/api/v1/forecast/how-many?by=${by}&seed=7`)).toEqual(answer);
    const when = await get<{ p50: string; p85: string; p95: string }>('/api/v1/forecast/when?items=10&seed=3');
    expect(when.p50 > today && when.p50 <= when.p85 && when.p85 <= when.p95).toBe(true);
    expect((await client.get('/api/v1/forecast/when?items=0')).status).toBe(400);
    expect((await client.get(`/api/v1/forecast/how-many?by=${today}`)).status).toBe(400);
    expect((await client.get('/api/v1/forecast/when?items=5&asOf=2020-01-01T00:00:00.000Z')).status).toBe(422);
  });

  it('rebuilds every projection from the log with identical figures', async () => {
    const paths = [`/api/v1/metrics/throughput?${Q}`, `/api/v1/metrics/cfd?${Q}`, `/api/v1/metrics/cycle-time?${Q}`, `/api/v1/items/KAN-1`];
    const before = await Promise.all(paths.map((p) => get(p)));
    expect(await app.stop('SIGTERM')).toBe(0);
    const rebuild = await runToExit('cli', ['rebuild', '--yes'], { FLOWLENS_DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
    expect(rebuild.code).toBe(0);
    expect(rebuild.stdout).toMatch(/rebuilt projections from \d+ records/);
    expect(rebuild.stderr).toMatch(/rebuild \[.*\] 100% \| \d+\/\d+/);
    await app.restart();
    await app.waitReady();
    expect(await Promise.all(paths.map((p) => get(p)))).toEqual(before);
  });
});
