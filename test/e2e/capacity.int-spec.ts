// Teams, portfolios and capacity through the HTTP API on data that went through the real
// pipeline (gateway -> embedded log -> projector -> ClickHouse, PostgreSQL in PGlite): CRUD with
// validation and roles, teamId / portfolioId filters on the flow figures, and the capacity
// figures held to the reference (the plain counts and the pure calendar).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { capacityFigures, estimateFigures, computeFlowCounts, dailyCapacity, type TeamInput, teamSchema } from '@flowlens/capacity';
import { GenericWebhookConnector, signGenericBody } from '@flowlens/connector-generic';
import type { CanonicalEvent } from '@flowlens/contracts';
import { buildTimelines, computeThroughput, computeWip, type MetricQuery } from '@flowlens/metrics';
import { berlinFortnight, BERLIN_QUERY, EventFactory, JIRA } from '@flowlens/metrics/testing';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';
import { toGenericEvent } from '../support/generic-events';

const ADMIN = 'admin-token-for-capacity-tests';
const SECRET = 'generic-secret-for-capacity-tests';
const Q = `from=${BERLIN_QUERY.from}&to=${BERLIN_QUERY.to}`;
/** A forecast date 60 days ahead (forecasts look at most 3,650 days ahead). */
const BY = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

/** Three items on OPS beside the Berlin fortnight's KAN. */
function opsItems(): CanonicalEvent[] {
  const ops = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', 'OPS');
  const a = ops.item('20001', 'OPS-1');
  const b = ops.item('20002', 'OPS-2');
  const c = ops.item('20003', 'OPS-3');
  return [
    a.created('2024-03-25T08:00:00.000Z', JIRA.todo, { type: 'Bug' }),
    a.status('2024-03-26T08:00:00.000Z', JIRA.todo, JIRA.inProgress),
    a.status('2024-03-28T08:00:00.000Z', JIRA.inProgress, JIRA.done),
    b.created('2024-03-27T08:00:00.000Z', JIRA.todo, { type: 'Story' }),
    b.status('2024-04-02T08:00:00.000Z', JIRA.todo, JIRA.inProgress),
    c.created('2024-04-03T08:00:00.000Z', JIRA.todo, { type: 'Chore' }),
  ];
}

/** Items done in the last days on both boards, for the forecasts (whose history ends today). */
function recentItems(): CanonicalEvent[] {
  const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
  return ['KAN', 'OPS'].flatMap((board) => {
    const factory = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', board);
    return [1, 2, 3].flatMap((n) => {
      const item = factory.item(`${board}-recent-${n}`, `${board}-${900 + n}`);
      return [item.created(day(6 + n), JIRA.todo, { type: 'Story' }), item.status(day(5 + n), JIRA.todo, JIRA.inProgress), item.status(day(n), JIRA.inProgress, JIRA.done)];
    });
  });
}

const KAN_TEAM = {
  name: 'Kanban crew',
  boardIds: ['KAN'],
  members: [
    { name: 'Ada', accountId: 'acc-ada', fte: 1 },
    { name: 'Bo', fte: 0.5, from: '2024-04-01' },
  ],
  holidays: ['2024-03-29', '2024-04-01'],
  absences: [{ member: 'acc-ada', from: '2024-04-04', to: '2024-04-08', fraction: 0.5 }],
  focusFactor: 0.8,
  costPerFteDay: 500,
  currency: 'EUR',
  targetMix: { feature: 0.6, defect: 0.2, debt: 0.2 },
};
const OPS_TEAM = { name: 'Ops', boardIds: ['OPS'], members: [{ name: 'Cy', fte: 1 }], costPerFteDay: 400, currency: 'EUR' };

describe('teams, portfolios and capacity through the HTTP API', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-capacity-'));
  let app: AppProcess;
  let client: ApiClient;
  let viewer: ApiClient;
  let accepted: CanonicalEvent[] = [];
  let kanTeamId = '';
  let opsTeamId = '';
  let portfolioId = '';

  const get = async <T>(path: string): Promise<T> => {
    const response = await client.get<T>(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const oracle = (boardIds: string[]): MetricQuery => ({ ...BERLIN_QUERY, boardIds });

  beforeAll(async () => {
    app = await AppProcess.start('standalone', { FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'generic', secret: SECRET }, 'Europe/Berlin');
    client = ws.client;
    const key = await client.post<{ apiKey: string }>('/api/v1/api-keys', { name: 'viewer', role: 'viewer' });
    expect(key.status).toBe(201);
    viewer = new ApiClient(app.url, key.body.apiKey);
    // KAN's items carry story points (one in three has none), OPS's none: the estimate block is held to the reference.
    const pointed = berlinFortnight().map((e, i) => (e.type === 'WorkItemCreated' ? ({ ...e, payload: { ...e.payload, fields: { ...e.payload.fields, estimate: i % 3 === 0 ? null : (i % 5) + 0.5 } } } as CanonicalEvent) : e));
    const generic = [...pointed, ...opsItems(), ...recentItems()].map(toGenericEvent);
    const body = JSON.stringify({ events: generic });
    const posted = await new ApiClient(app.url).post(ws.connector.webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) });
    expect(posted.status).toBe(202);
    const normalised = new GenericWebhookConnector().normalise({ events: generic }, { workspaceId: ws.workspaceId, connectorId: ws.connector.id, receivedAt: new Date().toISOString(), settings: {} });
    if (normalised.kind !== 'events') throw new Error('fixture did not normalise');
    accepted = normalised.events;
    const expected = computeThroughput(buildTimelines(accepted), BERLIN_QUERY).total;
    await eventually(() => get<{ total: number }>(`/api/v1/metrics/throughput?${Q}`), (r) => r.total === expected, { what: 'all events projected' });
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('creates, reads, replaces and deletes teams and portfolios, analysts only changing them', async () => {
    expect((await viewer.post('/api/v1/teams', KAN_TEAM)).status).toBe(403);
    const kan = await client.post<{ id: string; workingDays: number[]; focusFactor: number }>('/api/v1/teams', KAN_TEAM);
    expect(kan.status).toBe(201);
    expect(kan.body).toMatchObject({ name: 'Kanban crew', workingDays: [1, 2, 3, 4, 5], focusFactor: 0.8 });
    kanTeamId = kan.body.id;
    const ops = await client.post<{ id: string }>('/api/v1/teams', OPS_TEAM);
    opsTeamId = ops.body.id;
    expect((await viewer.get<{ items: unknown[] }>('/api/v1/teams')).body.items).toHaveLength(2);
    expect((await viewer.get(`/api/v1/teams/${kanTeamId}`)).status).toBe(200);

    const portfolio = await client.post<{ id: string; teamIds: string[] }>('/api/v1/portfolios', { name: 'Delivery', teamIds: [kanTeamId, opsTeamId], owners: ['pmo@example.com'] });
    expect(portfolio.status).toBe(201);
    expect(portfolio.body.teamIds).toEqual([kanTeamId, opsTeamId]);
    portfolioId = portfolio.body.id;

    // PUT replaces the whole document.
    const renamed = await client.put<{ name: string; boardIds: string[] }>(`/api/v1/teams/${opsTeamId}`, { ...OPS_TEAM, name: 'Operations' });
    expect(renamed.body).toMatchObject({ name: 'Operations', boardIds: ['OPS'] });
    // Deleting a team removes it from its portfolios.
    const spare = await client.post<{ id: string }>('/api/v1/teams', { name: 'Spare', boardIds: ['SPARE'] });
    await client.put(`/api/v1/portfolios/${portfolioId}`, { name: 'Delivery', teamIds: [kanTeamId, opsTeamId, spare.body.id], owners: ['pmo@example.com'] });
    expect((await client.request('DELETE', `/api/v1/teams/${spare.body.id}`)).status).toBe(204);
    expect((await get<{ teamIds: string[] }>(`/api/v1/portfolios/${portfolioId}`)).teamIds).toEqual([kanTeamId, opsTeamId]);
    expect((await client.get(`/api/v1/teams/${spare.body.id}`)).status).toBe(404);
  });

  it('refuses bad teams and portfolios with a 400 naming the field', async () => {
    const bad = await client.post<{ error: { code: string; details: Array<{ path: string }> } }>('/api/v1/teams', { ...KAN_TEAM, name: 'X', boardIds: ['NEW'], members: [{ name: 'Z', fte: 2 }], absences: [{ member: 'nobody', from: '2024-01-01', to: '2024-01-02' }] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d) => d.path).sort()).toEqual(['absences.0.member', 'members.0.fte']);
    const taken = await client.post<{ error: { code: string } }>('/api/v1/teams', { name: 'Twin', boardIds: ['KAN'] });
    expect(taken.status).toBe(400);
    expect(taken.body.error.code).toBe('board_owned');
    const unknownTeam = await client.post<{ error: { code: string } }>('/api/v1/portfolios', { name: 'P', teamIds: ['00000000-0000-4000-8000-000000000000'] });
    expect(unknownTeam.status).toBe(400);
    expect((await client.get('/api/v1/teams/not-an-id')).status).toBe(404);
    expect((await client.post('/api/v1/teams', 'not json', { 'content-type': 'application/json' })).status).toBe(400);
  });

  it('filters every flow figure by teamId and portfolioId (the union of their boards, intersected with boardId)', async () => {
    const timelines = buildTimelines(accepted);
    expect(await get(`/api/v1/metrics/throughput?${Q}&teamId=${opsTeamId}`)).toEqual(computeThroughput(timelines, oracle(['OPS'])));
    expect(await get(`/api/v1/metrics/wip?${Q}&portfolioId=${portfolioId}`)).toEqual(computeWip(timelines, oracle(['KAN', 'OPS'])));
    expect(await get(`/api/v1/metrics/throughput?${Q}&portfolioId=${portfolioId}&boardId=KAN`)).toEqual(computeThroughput(timelines, oracle(['KAN'])));
    expect((await get<{ total: number }>(`/api/v1/metrics/throughput?${Q}&teamId=${opsTeamId}&boardId=KAN`)).total).toBe(0);
    expect((await client.get(`/api/v1/metrics/cycle-time?teamId=00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await client.get(`/api/v1/forecast/how-many?by=${BY}&teamId=${kanTeamId}&seed=1&trials=100`)).status).toBe(200);
  });

  it('answers capacity figures as the reference computes them, team and portfolio', async () => {
    const timelines = buildTimelines(accepted);
    const dates = computeFlowCounts(timelines, oracle(['KAN'])).dates;
    const expected = (boardIds: string[], teams: TeamInput[], interval: 'day' | 'week') => {
      const capacity = dates.map((_, i) => teams.reduce((sum, t) => sum + (dailyCapacity(t, dates)[i] ?? 0), 0));
      const wip = computeWip(timelines, oracle(boardIds)).series.map((d) => d.wip);
      const counts = computeFlowCounts(timelines, oracle(boardIds));
      return { ...capacityFigures({ ...counts, capacity, wip }, interval), estimate: counts.estimate && estimateFigures(counts.dates, capacity, counts.estimate, interval) };
    };
    const kan = teamSchema.parse(KAN_TEAM);
    const ops = teamSchema.parse({ ...OPS_TEAM, name: 'Operations' });
    expect(await get(`/api/v1/capacity?${Q}&teamId=${kanTeamId}`)).toEqual({ teamId: kanTeamId, from: BERLIN_QUERY.from, to: BERLIN_QUERY.to, interval: 'week', ...expected(['KAN'], [kan], 'week') });
    expect(await get(`/api/v1/capacity?${Q}&portfolioId=${portfolioId}&interval=day`)).toMatchObject(expected(['KAN', 'OPS'], [kan, ops], 'day'));
    // Capacity by hand for KAN, week of 25 March: Ada 1 FTE Mon–Thu (Friday a holiday) × 0.8 focus.
    expect((await get<{ series: Array<{ capacityDays: number }> }>(`/api/v1/capacity?${Q}&teamId=${kanTeamId}`)).series[0]?.capacityDays).toBeCloseTo(3.2);
    expect((await get<{ estimate: { items: number } | null }>(`/api/v1/capacity?${Q}&teamId=${kanTeamId}`)).estimate?.items).toBeGreaterThan(0);
    expect((await get<{ estimate: unknown }>(`/api/v1/capacity?${Q}&teamId=${opsTeamId}`)).estimate).toBeNull();
    expect((await client.get(`/api/v1/capacity?${Q}`)).status).toBe(400);
    expect((await client.get(`/api/v1/capacity?${Q}&teamId=${kanTeamId}&portfolioId=${portfolioId}`)).status).toBe(400);
  });

  it('answers allocation against the target mix and flow cost; changes apply at once', async () => {
    const allocation = await get<{ activeDays: number; byType: Record<string, number>; target: Record<string, number>; gap: Record<string, number> }>(`/api/v1/capacity/allocation?${Q}&teamId=${kanTeamId}`);
    expect(allocation.activeDays).toBeGreaterThan(0);
    expect(Object.values(allocation.byType).reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    expect(allocation.target).toEqual({ feature: 0.6, defect: 0.2, risk: 0, debt: 0.2, other: 0 });
    expect(allocation.gap.feature).toBeCloseTo((allocation.byType.feature ?? 0) - 0.6);
    const portfolioAllocation = await get<{ target: unknown; gap: unknown }>(`/api/v1/capacity/allocation?${Q}&portfolioId=${portfolioId}`);
    expect(portfolioAllocation).toMatchObject({ target: null, gap: null });

    const capacity = await get<{ capacityDays: number; throughput: number }>(`/api/v1/capacity?${Q}&teamId=${kanTeamId}`);
    const cost = await get<{ currency: string; cost: number; costPerItem: number | null; byType: Record<string, number> }>(`/api/v1/capacity/cost?${Q}&teamId=${kanTeamId}`);
    expect(cost.currency).toBe('EUR');
    expect(cost.cost).toBeCloseTo(capacity.capacityDays * 500);
    expect(cost.costPerItem).toBeCloseTo(cost.cost / capacity.throughput);
    expect(cost.byType.feature).toBeCloseTo(cost.cost * (allocation.byType.feature ?? 0));

    await client.put(`/api/v1/teams/${opsTeamId}`, { ...OPS_TEAM, name: 'Operations', currency: 'USD' });
    const mixed = await client.get<{ error: { code: string; message: string } }>(`/api/v1/capacity/cost?${Q}&portfolioId=${portfolioId}`);
    expect(mixed.status).toBe(422);
    expect(mixed.body.error.message).toMatch(/EUR, USD/);
    await client.put(`/api/v1/teams/${opsTeamId}`, { ...OPS_TEAM, name: 'Operations', members: [{ name: 'Cy', fte: 0.5 }] });
    const portfolioCost = await get<{ cost: number }>(`/api/v1/capacity/cost?${Q}&portfolioId=${portfolioId}`);
    const opsCapacity = await get<{ capacityDays: number }>(`/api/v1/capacity?${Q}&teamId=${opsTeamId}`);
    expect(opsCapacity.capacityDays).toBe(5); // 10 working days × 0.5 FTE
    expect(portfolioCost.cost).toBeCloseTo(cost.cost + 5 * 400);
  });

  it('forecasts a portfolio from its teams’ own histories', async () => {
    const at = 'window=30&seed=3';
    const howMany = await get<{ p50: number; p85: number; p95: number; teams: Array<{ teamId: string }> }>(`/api/v1/forecast/how-many?by=${BY}&portfolioId=${portfolioId}&trials=500&${at}`);
    expect(howMany.teams.map((t) => t.teamId)).toEqual([kanTeamId, opsTeamId]);
    expect(howMany.p50).toBeGreaterThanOrEqual(howMany.p85);
    expect(howMany.p95).toBeGreaterThan(0);
    const when = await get<{ split: string; teams: Array<{ items: number }>; p50: string }>(`/api/v1/forecast/when?items=4&portfolioId=${portfolioId}&trials=200&${at}&teamItems=${kanTeamId}:4`);
    expect(when.split).toBe('given');
    expect(when.teams.map((t) => t.items)).toEqual([4, 0]);
    expect((await client.get(`/api/v1/forecast/when?items=5&portfolioId=${portfolioId}&teamItems=${kanTeamId}:4&${at}`)).status).toBe(400);
    // Split by the items still open: OPS has two, KAN its own.
    const split = await get<{ split: string; teams: Array<{ items: number }> }>(`/api/v1/forecast/when?items=6&portfolioId=${portfolioId}&trials=200&${at}`);
    expect(split.split).toBe('remaining');
    expect(split.teams.reduce((n, t) => n + t.items, 0)).toBe(6);
    expect(split.teams[1]?.items).toBeGreaterThan(0);
  });
});
