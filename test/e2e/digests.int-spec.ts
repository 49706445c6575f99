// Weekly digests end to end in the standalone process (generic webhooks -> embedded log -> projector
// -> chDB; teams, portfolios, rules, digests and the outbox on the real PostgreSQL server; the
// dispatcher sending to a real SMTP server): the preview of a portfolio's digest shows the firing
// alerts of its scope, its risk roll-up and its flow and capacity figures of the last complete week
// against the four weeks before, each as the API answers it; "send" puts one delivery in the outbox
// and the SMTP server receives one mail with text and HTML parts linking under FLOWLENS_PUBLIC_URL;
// bad input is a 4xx with the JSON error body; a viewer can preview but not change or send.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signGenericBody } from '@flowlens/connector-generic';
import type { CanonicalEvent } from '@flowlens/contracts';
import { EventFactory, JIRA } from '@flowlens/metrics/testing';
import { ApiClient, AppProcess, createTestDatabase, eventually, setUpWorkspace } from '@flowlens/testing';
import { SmtpReceiver } from '../support/alerting/alert-receivers';
import { toGenericEvent } from '../support/generic-events';

const ADMIN = 'admin-token-for-digest-tests-0123';
const SECRET = 'generic-secret-for-digest-tests';
const PUBLIC_URL = 'https://flowlens.example.com';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const date = (ms: number) => iso(ms).slice(0, 10);

interface FlowFigure { key: string; value: number | null; baseline: number | null; change: number | null }
interface Preview {
  subject: string;
  html: string;
  text: string;
  week: { from: string; to: string };
  figures: {
    scope: { portfolioId: string | null; name: string };
    alerts: Array<{ ruleName: string; subject: { type: string; id: string }; value: number; threshold: number }>;
    risk: { level: string; reasons: string[]; counts: Record<string, number> } | null;
    flow: FlowFigure[];
    forecasts: Array<{ kind: string; id: string; name: string; p85Then: string; p85Now: string; days: number; reason: string | null }>;
  };
}
interface ErrorBody { error: { code: string; message: string; details?: Array<{ path: string }> } }

describe('weekly digests in the standalone process (preview, send now, SMTP receiver)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-digests-'));
  const smtp = new SmtpReceiver();
  // The workspace is on UTC: the last complete week is the Monday-to-Sunday before this week's Monday.
  const today = Math.floor(Date.now() / DAY) * DAY;
  const thisMonday = today - ((new Date(today).getUTCDay() + 6) % 7) * DAY;
  const week = { from: date(thisMonday - 7 * DAY), to: date(thisMonday - DAY) };
  /** Noon of day `d` (0 = Monday) of the week `weeksAgo` complete weeks back (1 = the digest's week). */
  const dayOf = (weeksAgo: number, d: number) => thisMonday - 7 * weeksAgo * DAY + d * DAY + 12 * 3_600_000;
  const boards = { a: new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e21', 'DGA'), c: new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e22', 'DGC'), x: new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e23', 'DGX') };
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: AppProcess;
  let client: ApiClient;
  let viewer: ApiClient;
  let webhookPath = '';
  let portfolioId = '';
  let mailChannel = '';
  let digestId = '';

  const expectStatus = async <T>(answer: Promise<{ status: number; body: T }>, expected: number): Promise<T> => {
    const response = await answer;
    if (response.status !== expected) throw new Error(`expected ${expected}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const ingest = async (events: CanonicalEvent[]) => {
    const body = JSON.stringify({ events: events.map(toGenericEvent) });
    const posted = await new ApiClient(app.url).post(webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) });
    expect(posted.status).toBe(202);
  };
  /** An item created long ago, started the day before `doneAt` and done then (or still in progress). */
  const item = (factory: EventFactory, key: string, doneAt: number | null) => {
    const events = factory.item(`id-${key}`, key);
    const started = doneAt === null ? dayOf(8, 0) : doneAt - DAY;
    return [events.created(iso(dayOf(9, 0)), JIRA.todo), events.status(iso(started), JIRA.todo, JIRA.inProgress), ...(doneAt === null ? [] : [events.status(iso(doneAt), JIRA.inProgress, JIRA.done)])];
  };
  /** Epic DGA-100: two children from long ago, six more added two days ago (none started). */
  const epic = () => {
    const child = (n: number, at: number) => boards.a.item(`id-DGA-${100 + n}`, `DGA-${100 + n}`).created(iso(at), JIRA.todo, { parentId: 'id-DGA-100' });
    return [
      boards.a.item('id-DGA-100', 'DGA-100').created(iso(dayOf(9, 0)), JIRA.todo, { type: 'Epic' }),
      ...[1, 2].map((n) => child(n, dayOf(9, 1))),
      ...[3, 4, 5, 6, 7, 8].map((n) => child(n, Date.now() - 2 * DAY)),
    ];
  };
  const firing = async () => (await expectStatus(client.get<{ items: Array<{ subject: { id: string } }> }>('/api/v1/alerts?state=firing'), 200)).items;
  const preview = (id: string, as = client) => expectStatus(as.get<Preview>(`/api/v1/digests/${id}/preview`), 200);
  const flow = (p: Preview, key: string) => p.figures.flow.find((f) => f.key === key);

  beforeAll(async () => {
    await smtp.start();
    database = await createTestDatabase();
    app = await AppProcess.start('standalone', {
      DATABASE_URL: database.url,
      FLOWLENS_DATA_DIR: dataDir,
      FLOWLENS_ADMIN_TOKEN: ADMIN,
      FLOWLENS_DEMO: 'false',
      FLOWLENS_PUBLIC_URL: PUBLIC_URL,
      ALERT_INTERVAL_MS: '1000',
      ALERT_DISPATCH_POLL_MS: '50',
      ALERT_RETRY_BASE_MS: '50',
      SMTP_URL: smtp.url,
      ALERT_FROM: 'Flowlens <alerts@flowlens.test>',
    });
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'generic', secret: SECRET });
    client = ws.client;
    webhookPath = ws.connector.webhookPath;
    viewer = new ApiClient(app.url, (await expectStatus(client.post<{ apiKey: string }>('/api/v1/api-keys', { name: 'viewer', role: 'viewer' }), 201)).apiKey);

    // DGA (the team's board): 3 items in progress since long ago, 2 done in the digest's week, 1 two
    // weeks before it. DGC (the portfolio's own board): 1 done in the digest's week. DGX (outside the
    // portfolio): 5 done in the digest's week and 1 in progress.
    await ingest([
      ...[1, 2, 3].flatMap((n) => item(boards.a, `DGA-${n}`, null)),
      ...item(boards.a, 'DGA-11', dayOf(1, 1)),
      ...item(boards.a, 'DGA-12', dayOf(1, 3)),
      ...item(boards.a, 'DGA-13', dayOf(3, 2)),
      ...item(boards.c, 'DGC-1', dayOf(1, 4)),
      ...[1, 2, 3, 4, 5].flatMap((n) => item(boards.x, `DGX-${10 + n}`, dayOf(1, 2))),
      ...item(boards.x, 'DGX-1', null),
      ...epic(),
    ]);
    await eventually(
      () => expectStatus(client.get<{ total: number }>(`/api/v1/metrics/throughput?from=${week.from}&to=${week.to}`), 200),
      (t) => t.total === 8,
      { what: 'the digest week projected', timeoutMs: 60_000 },
    );

    const team = await expectStatus(client.post<{ id: string }>('/api/v1/teams', { name: 'Crew', boardIds: ['DGA'], members: [{ name: 'Ada', fte: 1 }, { name: 'Grace', fte: 0.5 }] }), 201);
    portfolioId = (await expectStatus(client.post<{ id: string }>('/api/v1/portfolios', { name: 'Delivery', teamIds: [team.id], boardIds: ['DGC'] }), 201)).id;
    mailChannel = (await expectStatus(client.post<{ id: string }>('/api/v1/alert-channels', { type: 'email', name: 'PMO mail', to: ['pmo@example.com'] }), 201)).id;
    // WIP 3 > 2 on DGA (in the portfolio) and 1 > 0 on DGX (outside it): both fire on the schedule.
    for (const [name, boardId, limit] of [['DGA WIP over 2', 'DGA', 2], ['DGX WIP over 0', 'DGX', 0]] as const) {
      await expectStatus(client.post('/api/v1/alert-rules', { name, kind: 'wip-limit', scope: { boardId }, params: { limit }, severity: 'warning', channelIds: [] }), 201);
    }
    await eventually(firing, (items) => items.length === 2, { what: 'both rules firing', timeoutMs: 30_000 });
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await smtp.stop();
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('validates digests at the edge and keeps changes to analysts', async () => {
    const invalid = await client.post<ErrorBody>('/api/v1/digests', { name: '', channelIds: [], weekday: 8, hour: 24, extra: true });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toEqual(expect.any(String));
    expect((invalid.body.error.details ?? []).map((d) => d.path).sort()).toEqual(expect.arrayContaining(['channelIds', 'hour', 'name', 'weekday']));
    const notUuid = await client.post<ErrorBody>('/api/v1/digests', { name: 'x', channelIds: ['nope'] });
    expect([notUuid.status, notUuid.body.error.details?.[0]?.path]).toEqual([400, 'channelIds.0']);
    const unknownChannel = await client.post<ErrorBody>('/api/v1/digests', { name: 'x', channelIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknownChannel.status, unknownChannel.body.error.code]).toEqual([404, 'unknown_channel']);
    const unknownPortfolio = await client.post<ErrorBody>('/api/v1/digests', { name: 'x', portfolioId: '00000000-0000-4000-8000-000000000000', channelIds: [mailChannel] });
    expect([unknownPortfolio.status, unknownPortfolio.body.error.code]).toEqual([404, 'unknown_portfolio']);
    expect((await viewer.post('/api/v1/digests', { name: 'x', channelIds: [mailChannel] })).status).toBe(403);
    expect((await client.get<ErrorBody>('/api/v1/digests/not-a-uuid/preview')).status).toBe(400);
    const missing = await client.get<ErrorBody>('/api/v1/digests/00000000-0000-4000-8000-000000000000/preview');
    expect([missing.status, missing.body.error.code]).toEqual([404, 'unknown_digest']);
    expect((await client.post('/api/v1/digests/00000000-0000-4000-8000-000000000000/send', {})).status).toBe(404);

    // The slot is this very hour, which has begun: the schedule's first send is next week's.
    const now = new Date();
    const created = await expectStatus(
      client.post<{ id: string; weekday: number; hour: number; portfolioId: string; lastSentFor: string | null }>('/api/v1/digests', { name: 'Delivery weekly', portfolioId, channelIds: [mailChannel], weekday: ((now.getUTCDay() + 6) % 7) + 1, hour: now.getUTCHours() }),
      201,
    );
    expect(created).toMatchObject({ portfolioId, lastSentFor: null });
    digestId = created.id;
    const defaults = await expectStatus(client.post<{ id: string; weekday: number; hour: number; portfolioId: string | null }>('/api/v1/digests', { name: 'Workspace', channelIds: [mailChannel] }), 201);
    expect(defaults).toMatchObject({ weekday: 1, hour: 8, portfolioId: null });
    expect((await viewer.get<{ items: Array<{ id: string }> }>('/api/v1/digests')).body.items.map((d) => d.id)).toEqual([digestId, defaults.id]);
    // Without a portfolio: the whole workspace, every firing alert, every board's throughput.
    const whole = await preview(defaults.id, viewer);
    expect(whole.figures.scope.portfolioId).toBeNull();
    expect(whole.figures.alerts.map((a) => a.ruleName).sort()).toEqual(['DGA WIP over 2', 'DGX WIP over 0']);
    expect(flow(whole, 'throughput')?.value).toBe(8);
    expect(flow(whole, 'capacity-days')?.value).toBeNull();
    expect(whole.figures.risk?.level).toEqual(expect.stringMatching(/^(low|medium|high)$/));
    expect((await viewer.request('DELETE', `/api/v1/digests/${defaults.id}`)).status).toBe(403);
    expect((await client.request('DELETE', `/api/v1/digests/${defaults.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/digests/${defaults.id}`)).status).toBe(404);
  });

  it('previews the portfolio digest: its firing alerts, risk roll-up and weekly figures, as the API answers them', async () => {
    const p = await preview(digestId, viewer);
    expect(p.week).toEqual(week);
    expect(p.subject).toBe(`[Flowlens] Weekly digest: Delivery — week of ${week.from}`);
    expect(p.figures.scope).toEqual({ portfolioId, name: 'Delivery' });

    // Only the rule about a board of the portfolio.
    expect(p.figures.alerts).toMatchObject([{ ruleName: 'DGA WIP over 2', subject: { type: 'board', id: 'DGA' }, value: 3, threshold: 2 }]);

    // Throughput: 3 done in the week (DGA 2, DGC 1; DGX is outside); the weeks before 0, 1, 0, 0.
    expect(flow(p, 'throughput')).toEqual(expect.objectContaining({ value: 3, baseline: 0.25, change: 2.75 }));
    expect(flow(p, 'wip')?.value).toBe(3);
    const scoped = `portfolioId=${portfolioId}&from=${week.from}&to=${week.to}`;
    const throughput = await expectStatus(client.get<{ total: number }>(`/api/v1/metrics/throughput?${scoped}&interval=week`), 200);
    const cycle = await expectStatus(client.get<{ p85: number | null }>(`/api/v1/metrics/cycle-time?${scoped}`), 200);
    const capacity = await expectStatus(client.get<{ capacityDays: number; netFlow: number; arrivals: number }>(`/api/v1/capacity?${scoped}&interval=week`), 200);
    expect(throughput.total).toBe(3);
    expect(flow(p, 'cycle-time.p85')?.value).toBe(cycle.p85);
    expect(capacity.capacityDays).toBeGreaterThan(0);
    expect(flow(p, 'capacity-days')?.value).toBe(capacity.capacityDays);
    expect(flow(p, 'net-flow')?.value).toBe(capacity.netFlow);
    expect(flow(p, 'arrivals')?.value).toBe(capacity.arrivals);

    const summary = await expectStatus(client.get<{ items: Array<{ id: string; level: string; reasons: string[]; counts: Record<string, number> }> }>(`/api/v1/risk/summary?by=portfolio&portfolioId=${portfolioId}`), 200);
    const own = summary.items.find((i) => i.id === portfolioId);
    expect(p.figures.risk).toEqual({ level: own?.level, reasons: own?.reasons, counts: own?.counts });

    // The epic's p85 date moved out over the week because six items joined it: "scope added" (the
    // forecast of a week ago as everything known now tells it).
    const epics = async (asOf?: number) =>
      (await expectStatus(client.get<{ items: Array<{ epicKey: string; p85: string | null; remaining: number }> }>(`/api/v1/risk/epics?portfolioId=${portfolioId}${asOf ? `&asOf=${iso(asOf)}&knownAt=${iso(Date.now())}` : ''}`), 200)).items.find((e) => e.epicKey === 'DGA-100');
    const [now, then] = [await epics(), await epics(Date.now() - 7 * DAY)];
    expect([then?.remaining, now?.remaining]).toEqual([2, 8]);
    expect(p.figures.forecasts).toEqual([{ kind: 'epic', id: 'DGA-100', name: 'DGA-100', p85Then: then?.p85, p85Now: now?.p85, days: expect.any(Number), reason: 'scope added' }]);
    expect(p.figures.forecasts[0]?.days).toBeGreaterThan(0);
    expect(p.text).toContain(`epic DGA-100: p85 ${then?.p85} → ${now?.p85} (+`);

    expect(p.text).toContain('Firing alerts (1)');
    expect(p.text).toContain('DGA WIP over 2 (warning) on board DGA: 3 (threshold 2)');
    expect(p.text).not.toContain('DGX');
    expect(p.text).toContain('Throughput: 3 (mean of the 4 weeks before: 0.3; change +2.8 (+1100%))');
    expect(p.html).toContain(`<tr data-key="throughput"><td>Throughput</td><td>3</td><td>0.3</td>`);
    expect(p.html).toContain(`<a href="${PUBLIC_URL}/?portfolioId=${portfolioId}&amp;from=${week.from}&amp;to=${week.to}">`);
  });

  it('sends now: one digest delivery in the outbox, one mail with text and HTML parts linking into Flowlens', async () => {
    expect((await viewer.post(`/api/v1/digests/${digestId}/send`, {})).status).toBe(403);
    const sent = await expectStatus(client.post<{ digestId: string; week: string; deliveryIds: string[] }>(`/api/v1/digests/${digestId}/send`, {}), 202);
    expect(sent).toMatchObject({ digestId, week: week.from });
    expect(sent.deliveryIds).toHaveLength(1);
    const deliveries = () => expectStatus(client.get<{ items: Array<{ id: string; channelId: string; digestId: string | null; status: string; attempts: number }> }>('/api/v1/alert-deliveries?kind=digest'), 200);
    await eventually(deliveries, (d) => d.items[0]?.status === 'sent', { what: 'the digest delivery sent', timeoutMs: 30_000 });
    expect((await deliveries()).items).toMatchObject([{ id: sent.deliveryIds[0], channelId: mailChannel, digestId, status: 'sent', attempts: 1 }]);

    const p = await preview(digestId);
    const mails = smtp.mails.filter((m) => m.mail.subject?.startsWith('[Flowlens] Weekly digest'));
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail?.envelopeTo).toEqual(['pmo@example.com']);
    expect(mail?.mail.subject).toBe(p.subject);
    expect(mail?.mail.text?.trim()).toBe(p.text.trim());
    expect(mail?.mail.html).toContain('<tr data-key="throughput">');
    expect(mail?.mail.text).toContain(`Open in Flowlens: ${PUBLIC_URL}/?portfolioId=${portfolioId}`);
    expect(mail?.mail.text).toContain(`Capacity: ${PUBLIC_URL}/capacity?portfolioId=${portfolioId}`);
    const hrefs = [...String(mail?.mail.html).matchAll(/href="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    expect(hrefs.every((h) => h.startsWith(`${PUBLIC_URL}/`))).toBe(true);

    // The digest was created after this week's slot: the schedule sends nothing more this week.
    expect((await expectStatus(client.get<{ lastSentFor: string | null }>(`/api/v1/digests/${digestId}`), 200)).lastSentFor).toBeNull();
  });

  it('says why a digest cannot be sent or previewed once its channels or portfolio are gone', async () => {
    const log = await expectStatus(client.post<{ id: string }>('/api/v1/alert-channels', { type: 'log', name: 'gone' }), 201);
    const digest = await expectStatus(client.post<{ id: string }>('/api/v1/digests', { name: 'Orphan', portfolioId, channelIds: [log.id] }), 201);
    expect((await client.request('DELETE', `/api/v1/alert-channels/${log.id}`)).status).toBe(204);
    const noChannel = await client.post<ErrorBody>(`/api/v1/digests/${digest.id}/send`, {});
    expect([noChannel.status, noChannel.body.error.code]).toEqual([422, 'no_live_channel']);
    const other = await expectStatus(client.post<{ id: string }>('/api/v1/portfolios', { name: 'Short-lived', teamIds: [], boardIds: ['DGX'] }), 201);
    await expectStatus(client.put(`/api/v1/digests/${digest.id}`, { name: 'Orphan', portfolioId: other.id, channelIds: [mailChannel] }), 200);
    expect((await client.request('DELETE', `/api/v1/portfolios/${other.id}`)).status).toBe(204);
    const noPortfolio = await client.get<ErrorBody>(`/api/v1/digests/${digest.id}/preview`);
    expect([noPortfolio.status, noPortfolio.body.error.code]).toEqual([422, 'unknown_portfolio']);
  });
});
