// Alerting end to end in the standalone process (gateway -> embedded log -> projector -> chDB;
// rules, instances and the outbox in PGlite; the scheduled evaluation every second; the dispatcher
// sending to a real local HTTP receiver and a real SMTP server): a breach fires exactly once per
// channel, repeats only after repeatHours, resolves once; acknowledge and snooze silence repeats;
// a receiver failing twice gets the same notification three times; rules are validated; the
// back-test finds the days a rule would have started firing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signGenericBody } from '@flowlens/connector-generic';
import type { CanonicalEvent } from '@flowlens/contracts';
import { EventFactory, JIRA } from '@flowlens/metrics/testing';
import { ApiClient, AppProcess, eventually, setUpWorkspace } from '@flowlens/testing';
import { HttpReceiver, SmtpReceiver } from '../support/alerting/alert-receivers';
import { toGenericEvent } from '../support/generic-events';

const ADMIN = 'admin-token-for-alerting-tests';
const SECRET = 'generic-secret-for-alerting-tests';
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();
const localDate = (ms: number) => iso(ms).slice(0, 10);

interface Delivery {
  id: string;
  channelId: string;
  ruleId: string | null;
  status: 'sent' | 'retrying' | 'failed';
  attempts: number;
  createdAt: string;
}
interface Alert {
  id: string;
  ruleId: string;
  subject: { type: string; id: string };
  state: 'pending' | 'firing' | 'resolved';
  value: number | null;
  threshold: number | null;
  acknowledgedAt: string | null;
  snoozedUntil: string | null;
}
interface Notification {
  status: 'firing' | 'resolved';
  rule: { id: string; name: string };
  alerts: Alert[];
  link: string | null;
}

describe('alerting in the standalone process (scheduled evaluation, outbox, HTTP and SMTP receivers)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-alerting-'));
  const smtp = new SmtpReceiver();
  // /flaky fails twice per notification, then takes it; every other path takes everything.
  const receiver = new HttpReceiver((path, previous) => (path.startsWith('/flaky') ? (previous < 2 ? 503 : 200) : 200));
  const board = new EventFactory('jira', 'c0a8012e-6f1b-4c3d-9e2a-7b5d4f3a2e10', 'ALR');
  let app: AppProcess;
  let client: ApiClient;
  let viewer: ApiClient;
  let webhookPath = '';

  const post = async <T>(path: string, body: unknown, expected = 201): Promise<T> => {
    const response = await client.post<T>(path, body);
    if (response.status !== expected) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const get = async <T>(path: string): Promise<T> => {
    const response = await client.get<T>(path);
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const ingest = async (events: CanonicalEvent[]) => {
    const body = JSON.stringify({ events: events.map(toGenericEvent) });
    const posted = await new ApiClient(app.url).post(webhookPath, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, SECRET) });
    expect(posted.status).toBe(202);
  };
  const wip = () => get<{ series: Array<{ wip: number }> }>(`/api/v1/metrics/wip?boardId=ALR&from=${localDate(Date.now())}&to=${localDate(Date.now())}`).then((r) => r.series.at(-1)?.wip ?? 0);
  const webhook = (path: string) => post<{ id: string }>('/api/v1/alert-channels', { type: 'webhook', name: `hook ${path}`, url: `${receiver.url}${path}`, secret: 'alert-signing-secret' });
  const deliveriesOf = async (ruleId: string) => (await get<{ items: Delivery[] }>(`/api/v1/alert-deliveries?ruleId=${ruleId}`)).items;
  const notificationsAt = (path: string) => receiver.at(path).filter((r) => r.status === 200).map((r) => JSON.parse(r.body) as Notification);
  const wipRule = (name: string, channelIds: string[], extra: Record<string, unknown> = {}) =>
    post<{ id: string }>('/api/v1/alert-rules', { name, kind: 'wip-limit', scope: { boardId: 'ALR' }, params: { limit: 2 }, severity: 'warning', channelIds, ...extra });

  beforeAll(async () => {
    await Promise.all([smtp.start(), receiver.start()]);
    app = await AppProcess.start('standalone', {
      FLOWLENS_DATA_DIR: dataDir,
      FLOWLENS_ADMIN_TOKEN: ADMIN,
      FLOWLENS_DEMO: 'false',
      FLOWLENS_PUBLIC_URL: 'https://flowlens.example.com',
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
    viewer = new ApiClient(app.url, (await post<{ apiKey: string }>('/api/v1/api-keys', { name: 'viewer', role: 'viewer' })).apiKey);
    // Three items in progress on ALR (WIP 3), and items done 3 and 10 days ago for the back-test.
    const now = Date.now();
    const events = [1, 2, 3].flatMap((n) => {
      const item = board.item(`wip-${n}`, `ALR-${n}`);
      return [item.created(iso(now - 20 * DAY), JIRA.todo), item.status(iso(now - 15 * DAY + n * 1000), JIRA.todo, JIRA.inProgress)];
    });
    const done = [3, 10].flatMap((ago) => {
      const item = board.item(`done-${ago}`, `ALR-${100 + ago}`);
      return [item.created(iso(now - 30 * DAY), JIRA.todo), item.status(iso(now - 25 * DAY), JIRA.todo, JIRA.inProgress), item.status(iso(now - ago * DAY), JIRA.inProgress, JIRA.done)];
    });
    await ingest([...events, ...done]);
    await eventually(wip, (n) => n === 3, { what: 'WIP 3 on ALR', timeoutMs: 60_000 });
  });

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await Promise.all([smtp.stop(), receiver.stop()]);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('validates rules at the edge: kinds, params, scope, channels and roles', async () => {
    const invalid = await client.post<{ error: { code: string; details: Array<{ path: string }> } }>('/api/v1/alert-rules', { name: 'x', kind: 'wip-limit', scope: { boardId: 'ALR', teamId: 'also' }, params: { limit: -1 }, severity: 'loud', channelIds: [] });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.code).toBe('invalid_rule');
    expect(invalid.body.error.details.map((d) => d.path).sort()).toEqual(['params.limit', 'scope', 'severity']);
    expect((await client.post('/api/v1/alert-rules', { name: 'x', kind: 'nope', scope: { boardId: 'ALR' }, params: {}, severity: 'info', channelIds: [] })).status).toBe(400);
    const unknownChannel = await client.post<{ error: { code: string } }>('/api/v1/alert-rules', { name: 'x', kind: 'data-quality', scope: { boardId: 'ALR' }, severity: 'info', channelIds: ['00000000-0000-4000-8000-000000000000'] });
    expect([unknownChannel.status, unknownChannel.body.error.code]).toEqual([404, 'unknown_channel']);
    const unknownTeam = await client.post<{ error: { code: string } }>('/api/v1/alert-rules', { name: 'x', kind: 'data-quality', scope: { teamId: '00000000-0000-4000-8000-000000000000' }, severity: 'info', channelIds: [] });
    expect([unknownTeam.status, unknownTeam.body.error.code]).toEqual([404, 'unknown_team']);
    const boardLoad = await client.post<{ error: { details: Array<{ path: string }> } }>('/api/v1/alert-rules', { name: 'x', kind: 'threshold', scope: { boardId: 'ALR' }, params: { metric: 'load-per-fte', op: '>', value: 1 }, severity: 'info', channelIds: [] });
    expect([boardLoad.status, boardLoad.body.error.details[0]?.path]).toEqual([400, 'params.metric']);
    expect((await viewer.post('/api/v1/alert-rules', { name: 'x', kind: 'data-quality', scope: { boardId: 'ALR' }, severity: 'info', channelIds: [] })).status).toBe(403);

    const created = await post<{ id: string; forMinutes: number; repeatHours: number; notifyResolved: boolean; enabled: boolean; params: Record<string, unknown> }>('/api/v1/alert-rules', { name: 'Data', kind: 'sle-breach', scope: { boardId: 'ALR' }, severity: 'info', channelIds: [], enabled: false });
    expect(created).toMatchObject({ forMinutes: 0, repeatHours: 24, notifyResolved: true, enabled: false, params: { percentile: 85 } });
    expect((await viewer.get(`/api/v1/alert-rules/${created.id}`)).status).toBe(200);
    expect((await client.get('/api/v1/alert-rules/not-a-uuid')).status).toBe(400);
    expect((await client.get('/api/v1/alert-rules/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await client.request('DELETE', `/api/v1/alert-rules/${created.id}`)).status).toBe(204);
    expect((await client.get(`/api/v1/alert-rules/${created.id}`)).status).toBe(404);
  });

  it('fires a breach exactly once per channel (webhook and e-mail), repeats nothing inside repeatHours, and resolves once', async () => {
    const hook = await webhook('/breach');
    const mail = await post<{ id: string }>('/api/v1/alert-channels', { type: 'email', name: 'PMO mail', to: ['pmo@example.com'] });
    const rule = await wipRule('ALR WIP over 2', [hook.id, mail.id]);

    // The schedule finds the breach within a cycle or two; evaluate answers the same firing instance.
    await eventually(() => deliveriesOf(rule.id), (d) => d.length === 2 && d.every((x) => x.status === 'sent'), { what: 'one sent delivery per channel', timeoutMs: 30_000 });
    const evaluated = await post<{ instances: Alert[] }>(`/api/v1/alert-rules/${rule.id}/evaluate`, {}, 200);
    expect(evaluated.instances).toMatchObject([{ subject: { type: 'board', id: 'ALR' }, state: 'firing', value: 3, threshold: 2 }]);
    await post(`/api/v1/alert-rules/${rule.id}/evaluate`, {}, 200);
    const cyclesLater = Date.now() + 2_500;
    await eventually(async () => Date.now(), (t) => t > cyclesLater, { what: 'two more scheduled cycles', timeoutMs: 10_000 });
    expect(await deliveriesOf(rule.id)).toHaveLength(2);
    const [firing, ...more] = notificationsAt('/breach');
    expect(more).toHaveLength(0);
    expect(firing).toMatchObject({ status: 'firing', rule: { id: rule.id, name: 'ALR WIP over 2' }, link: `https://flowlens.example.com/alerts?ruleId=${rule.id}` });
    expect(firing?.alerts).toMatchObject([{ subject: { type: 'board', id: 'ALR' }, state: 'firing', value: 3, threshold: 2 }]);
    const mails = () => smtp.mails.filter((m) => m.mail.subject?.endsWith('ALR WIP over 2'));
    expect(mails().map((m) => m.mail.subject)).toEqual(['[Flowlens] firing: ALR WIP over 2']);
    expect(mails()[0]?.mail.text).toContain('https://flowlens.example.com/alerts?ruleId=');
    expect((await viewer.get<{ items: Alert[] }>('/api/v1/alerts?state=firing')).body.items.filter((a) => a.ruleId === rule.id)).toHaveLength(1);

    // Two items done: WIP 1, the condition no longer holds: one resolved notification per channel.
    const now = Date.now();
    await ingest([board.item('wip-1', 'ALR-1').status(iso(now - 1000), JIRA.inProgress, JIRA.done), board.item('wip-2', 'ALR-2').status(iso(now - 900), JIRA.inProgress, JIRA.done)]);
    await eventually(() => deliveriesOf(rule.id), (d) => d.length === 4 && d.every((x) => x.status === 'sent'), { what: 'the resolution sent to both channels', timeoutMs: 30_000 });
    expect(notificationsAt('/breach').map((n) => [n.status, n.alerts.map((a) => a.state)])).toEqual([
      ['firing', ['firing']],
      ['resolved', ['resolved']],
    ]);
    expect(mails().map((m) => m.mail.subject)).toEqual(['[Flowlens] firing: ALR WIP over 2', '[Flowlens] resolved: ALR WIP over 2']);
    const resolved = (await get<{ items: Alert[] }>(`/api/v1/alerts?state=resolved&ruleId=${rule.id}`)).items;
    expect(resolved).toMatchObject([{ state: 'resolved', value: 1, threshold: 2 }]);
    // Put the items back in progress for the tests after this one (WIP 3 again).
    const later = Date.now();
    await ingest([board.item('wip-1', 'ALR-1').status(iso(later), JIRA.done, JIRA.inProgress), board.item('wip-2', 'ALR-2').status(iso(later + 1), JIRA.done, JIRA.inProgress)]);
    await eventually(wip, (n) => n === 3, { what: 'WIP 3 again' });
    await client.request('DELETE', `/api/v1/alert-rules/${rule.id}`);
  });

  it('repeats after repeatHours while firing, and not once acknowledged or snoozed', async () => {
    const acked = await webhook('/repeat-ack');
    const snoozed = await webhook('/repeat-snooze');
    // 0.0005 h = 1.8 s between repeats.
    const ackRule = await wipRule('repeat then ack', [acked.id], { repeatHours: 0.0005 });
    const snoozeRule = await wipRule('repeat then snooze', [snoozed.id], { repeatHours: 0.0005 });
    await eventually(() => deliveriesOf(ackRule.id), (d) => d.length >= 2, { what: 'a repeat', timeoutMs: 30_000 });
    await eventually(() => deliveriesOf(snoozeRule.id), (d) => d.length >= 2, { what: 'a repeat', timeoutMs: 30_000 });
    const [first, second] = [...(await deliveriesOf(ackRule.id))].reverse();
    expect(Date.parse(second?.createdAt ?? '') - Date.parse(first?.createdAt ?? '')).toBeGreaterThanOrEqual(1_800);

    const alertOf = async (ruleId: string) => (await get<{ items: Alert[] }>(`/api/v1/alerts?state=firing&ruleId=${ruleId}`)).items[0] as Alert;
    expect((await viewer.post(`/api/v1/alerts/${(await alertOf(ackRule.id)).id}/ack`, {})).status).toBe(403);
    const ack = await post<Alert>(`/api/v1/alerts/${(await alertOf(ackRule.id)).id}/ack`, {}, 200);
    expect(ack.acknowledgedAt).not.toBeNull();
    const until = iso(Date.now() + 3_600_000);
    const badSnooze = await client.post<{ error: { code: string } }>(`/api/v1/alerts/${(await alertOf(snoozeRule.id)).id}/snooze`, { until: iso(Date.now() - 1000) });
    expect(badSnooze.status).toBe(400);
    const snooze = await post<Alert>(`/api/v1/alerts/${(await alertOf(snoozeRule.id)).id}/snooze`, { until }, 200);
    expect(snooze.snoozedUntil).toBe(until);

    const counts = { ack: (await deliveriesOf(ackRule.id)).length, snooze: (await deliveriesOf(snoozeRule.id)).length };
    const twoRepeatPeriods = Date.now() + 4_000;
    await eventually(async () => Date.now(), (t) => t > twoRepeatPeriods, { what: 'two repeat periods', timeoutMs: 10_000 });
    await post(`/api/v1/alert-rules/${ackRule.id}/evaluate`, {}, 200);
    await post(`/api/v1/alert-rules/${snoozeRule.id}/evaluate`, {}, 200);
    expect((await deliveriesOf(ackRule.id)).length).toBe(counts.ack);
    expect((await deliveriesOf(snoozeRule.id)).length).toBe(counts.snooze);
    await client.request('DELETE', `/api/v1/alert-rules/${ackRule.id}`);
    await client.request('DELETE', `/api/v1/alert-rules/${snoozeRule.id}`);
    // Deleting a rule keeps its history and closes its open alert without a notification.
    expect((await get<{ items: Alert[] }>(`/api/v1/alerts?ruleId=${ackRule.id}`)).items.map((a) => a.state)).toEqual(['resolved']);
    expect((await deliveriesOf(ackRule.id)).length).toBe(counts.ack);
  });

  it('gives a receiver that fails twice the same notification three times, and it ends sent', async () => {
    const flaky = await webhook('/flaky-rule');
    const rule = await wipRule('flaky receiver', [flaky.id]);
    await eventually(() => deliveriesOf(rule.id), (d) => d[0]?.status === 'sent', { what: 'the delivery sent', timeoutMs: 30_000 });
    const [delivery, ...more] = await deliveriesOf(rule.id);
    expect(more).toHaveLength(0);
    expect(delivery).toMatchObject({ status: 'sent', attempts: 3 });
    const tries = receiver.at('/flaky-rule');
    expect(tries.map((t) => t.status)).toEqual([503, 503, 200]);
    expect(new Set(tries.map((t) => t.headers['idempotency-key']))).toEqual(new Set([delivery?.id]));
    await client.request('DELETE', `/api/v1/alert-rules/${rule.id}`);
  });

  it('reads every threshold metric as the API answers it for the same scope and window', async () => {
    const team = await post<{ id: string }>('/api/v1/teams', { name: 'Alerting crew', boardIds: ['ALR'], members: [{ name: 'Ada', fte: 1 }, { name: 'Bo', fte: 0.5 }] });
    const to = localDate(Date.now());
    const from = localDate(Date.now() - 27 * DAY);
    const window = `from=${from}&to=${to}`;
    const api = {
      cycle: await get<{ p50: number | null; p85: number | null; p95: number | null }>(`/api/v1/metrics/cycle-time?boardId=ALR&${window}`),
      lead: await get<{ p85: number | null }>(`/api/v1/metrics/lead-time?boardId=ALR&${window}`),
      throughput: await get<{ total: number }>(`/api/v1/metrics/throughput?boardId=ALR&${window}`),
      wip: await get<{ series: Array<{ wip: number }> }>(`/api/v1/metrics/wip?boardId=ALR&${window}`),
      efficiency: await get<{ efficiency: number | null }>(`/api/v1/metrics/flow-efficiency?boardId=ALR&${window}`),
      risk: await get<{ blockedShare: number | null }>(`/api/v1/risk/items?boardId=ALR&${window}`),
      quality: await get<{ reopenRate: number | null }>(`/api/v1/quality?boardId=ALR&${window}`),
      capacity: await get<{ netFlow: number; loadPerFte: number | null }>(`/api/v1/capacity?teamId=${team.id}&${window}`),
    };
    const expected: Array<[string, Record<string, string>, number | null]> = [
      ['cycle-time.p50', { boardId: 'ALR' }, api.cycle.p50],
      ['cycle-time.p85', { boardId: 'ALR' }, api.cycle.p85],
      ['cycle-time.p95', { boardId: 'ALR' }, api.cycle.p95],
      ['lead-time.p85', { boardId: 'ALR' }, api.lead.p85],
      ['throughput', { boardId: 'ALR' }, api.throughput.total],
      ['wip', { boardId: 'ALR' }, api.wip.series.at(-1)?.wip ?? null],
      ['flow-efficiency', { boardId: 'ALR' }, api.efficiency.efficiency],
      ['blocked-share', { boardId: 'ALR' }, api.risk.blockedShare],
      ['reopen-rate', { boardId: 'ALR' }, api.quality.reopenRate],
      ['net-flow', { teamId: team.id }, api.capacity.netFlow],
      ['load-per-fte', { teamId: team.id }, api.capacity.loadPerFte],
    ];
    // The fixture gives every figure a value, so each comparison below is of two numbers.
    expect(expected.filter(([, , value]) => value === null).map(([metric]) => metric)).toEqual([]);
    for (const [metric, scope, value] of expected) {
      const rule = await post<{ id: string }>('/api/v1/alert-rules', { name: metric, kind: 'threshold', scope, params: { metric, op: '>', value: -1e12, windowDays: 28 }, severity: 'info', channelIds: [], enabled: false });
      const { instances } = await post<{ instances: Alert[] }>(`/api/v1/alert-rules/${rule.id}/evaluate`, {}, 200);
      expect([metric, instances.length]).toEqual([metric, 1]);
      expect([metric, instances[0]?.value]).toEqual([metric, value]);
    }
  });

  it('evaluates a disabled rule without writing or sending, and back-tests the days a rule would have started firing', async () => {
    const hook = await webhook('/disabled');
    const disabled = await wipRule('disabled', [hook.id], { enabled: false });
    const answer = await post<{ instances: Alert[] }>(`/api/v1/alert-rules/${disabled.id}/evaluate`, {}, 200);
    expect(answer.instances).toMatchObject([{ state: 'firing', value: 3, threshold: 2 }]);
    expect(await get<{ items: Alert[] }>(`/api/v1/alerts?ruleId=${disabled.id}`)).toEqual({ items: [] });
    expect(await deliveriesOf(disabled.id)).toEqual([]);

    // Throughput of one day > 0 holds on the days an item was done: 10 and 3 days ago.
    const rule = await post<{ id: string }>('/api/v1/alert-rules', { name: 'done today', kind: 'threshold', scope: { boardId: 'ALR' }, params: { metric: 'throughput', op: '>', value: 0, windowDays: 1 }, severity: 'info', channelIds: [], enabled: false });
    const now = Date.now();
    const from = localDate(now - 13 * DAY);
    const to = localDate(now - 1 * DAY);
    const backtest = await viewer.get<{ firings: Array<{ subject: { type: string; id: string }; date: string; value: number }>; perWeek: number; from: string; to: string }>(`/api/v1/alert-rules/${rule.id}/backtest?from=${from}&to=${to}`);
    expect(backtest.status).toBe(200);
    expect(backtest.body.firings).toEqual([
      { subject: { type: 'board', id: 'ALR' }, date: localDate(now - 10 * DAY), value: 1 },
      { subject: { type: 'board', id: 'ALR' }, date: localDate(now - 3 * DAY), value: 1 },
    ]);
    expect(backtest.body.perWeek).toBeCloseTo((2 * 7) / 13, 10);
    expect((await client.get(`/api/v1/alert-rules/${rule.id}/backtest?from=${to}&to=${from}`)).status).toBe(400);
    expect((await client.get(`/api/v1/alert-rules/${rule.id}/backtest?from=2020-01-01&to=${to}`)).status).toBe(400);
    expect((await client.get(`/api/v1/alert-rules/${rule.id}/backtest?from=2026-02-30`)).status).toBe(400);
  });
});
