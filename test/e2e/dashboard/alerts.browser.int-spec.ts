// The alert pages in a real browser on the seeded demo: a log channel and a wip-limit rule made
// through the UI, its back-test as the API answers it, "Evaluate now", the alert it fires on the
// Alerts page and the overview, acknowledged there; a viewer sees the alerts without the controls.
import { eventually } from '@flowlens/testing';
import type { DashboardTab } from '@flowlens/testing/browser';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

interface Rule { id: string; name: string; kind: string; scope: { boardId?: string }; params: Record<string, unknown>; channelIds: string[]; enabled: boolean }
interface Alert { id: string; ruleId: string; subject: { type: string; id: string }; state: string; value: number | null; threshold: number | null; acknowledgedAt: string | null }
interface Delivery { id: string; channelId: string; ruleId: string | null; status: string; attempts: number; lastError: string | null; createdAt: string }
interface AlertDetail extends Alert { startedAt: string; lastNotifiedAt: string | null; snoozedUntil: string | null; resolvedAt: string | null; history: Array<{ at: string; event: string; by?: string }> }

const RULE = 'Browser: WIP on PAY';
const CHANNEL = 'Browser log channel';
const DAY = 86_400_000;
// The demo workspace's zone; a back-test window is in local dates. Seven days keep the test quick
// (each day of a back-test is one evaluation of the rule).
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
const daysBefore = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

describe('dashboard: alert channels, rules and alerts (browser)', () => {
  let demo: DashboardDemo;
  let viewerKey: string;
  let tab: DashboardTab;
  let channelId: string;
  let rule: Rule;
  let span: { from: string; to: string };
  let limit: number;

  beforeAll(async () => {
    demo = await startDashboardDemo();
    viewerKey = (await demo.api.post<{ apiKey: string }>('/api/v1/api-keys', { name: 'alert viewer', role: 'viewer' })).body.apiKey;
    span = { from: daysBefore(today(), 6), to: today() };
    // A limit the board's WIP went above within the window, so the back-test has something to find.
    const wip = await demo.api.get<{ series: Array<{ wip: number }> }>(`/api/v1/metrics/wip?boardId=PAY&from=${span.from}&to=${span.to}`);
    limit = Math.min(...wip.body.series.map((p) => p.wip));
  }, 240_000);
  afterAll(async () => {
    await tab?.close();
    await demo?.stop();
  });

  it('creates a log channel in the UI, and follows its test send to "sent" in the delivery log', async () => {
    tab = await demo.open('/alert-channels');
    expect(await tab.page.$$eval('nav a', (links) => links.map((a) => (a.textContent ?? '').trim()))).toEqual(expect.arrayContaining(['Alerts', 'Alert rules', 'Alert channels']));
    await tab.page.selectOption('select[name="type"]', 'log');
    await tab.page.fill('input[name="channelName"]', CHANNEL);
    await tab.page.click('text=Add channel');
    const row = await tab.page.waitForSelector(`tr:has-text("${CHANNEL}")`);
    channelId = (await row.getAttribute('data-channel-id')) as string;
    const listed = await demo.api.get<{ items: Array<{ id: string; type: string; name: string }> }>('/api/v1/alert-channels');
    expect(listed.body.items).toContainEqual(expect.objectContaining({ id: channelId, type: 'log', name: CHANNEL }));

    await tab.page.click(`tr[data-channel-id="${channelId}"] >> text=Test send`);
    const status = await tab.page.waitForSelector(`tr[data-channel-id="${channelId}"] [data-figure$="].status"][data-value="sent"]`, { timeout: 60_000 });
    const deliveryId = /items\[id=([^\]]+)\]/.exec((await status.getAttribute('data-figure')) as string)?.[1];
    const deliveries = await demo.api.get<{ items: Delivery[] }>('/api/v1/alert-deliveries');
    expect(deliveries.body.items.find((d) => d.id === deliveryId)).toMatchObject({ channelId, status: 'sent' });
    await tab.settled();
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('alert-channels');
  });

  it('refuses a wip-limit rule without its limit with the API reason next to the form, then saves it and lists it', async () => {
    await tab.goto(`/alert-rules?ruleId=new&from=${span.from}&to=${span.to}`);
    await tab.settled();
    await tab.page.fill('input[name="name"]', RULE);
    await tab.page.selectOption('select[name="kind"]', 'wip-limit');
    await tab.page.selectOption('select[name="scopeType"]', 'board');
    await tab.page.selectOption('select[name="scopeId"]', 'PAY');
    await tab.page.check(`input[name="channel-${channelId}"]`);
    await tab.page.click('text=Save rule');
    const refusal = await tab.page.waitForSelector('form[aria-label="Alert rule"] [role="alert"]');
    expect(await refusal.textContent()).toMatch(/params\.limit/);

    await tab.page.fill('input[name="params.limit"]', String(limit));
    await tab.page.click('text=Save rule');
    await tab.page.waitForFunction("new URL(location.href).searchParams.get('ruleId')?.length === 36");
    await tab.settled();
    const rules = await demo.api.get<{ items: Rule[] }>('/api/v1/alert-rules');
    rule = rules.body.items.find((r) => r.name === RULE) as Rule;
    expect(rule).toMatchObject({ kind: 'wip-limit', scope: { boardId: 'PAY' }, params: { limit }, channelIds: [channelId], enabled: true });
    expect(tab.url().searchParams.get('ruleId')).toBe(rule.id);
    expect(await tab.page.textContent(`[aria-label="Rule list"] tr[data-rule-id="${rule.id}"]`)).toMatch(/wip-limit.*board PAY.*warning/);
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
  });

  it('back-tests the rule over the URL window, showing perWeek and the firings per day as the API answers them', async () => {
    expect(tab.url().searchParams.get('from')).toBe(span.from);
    expect(tab.url().searchParams.get('to')).toBe(span.to);
    await tab.page.click('text=Run back-test');
    const shown = await tab.page.waitForSelector('[data-figure="alert-rules/backtest.perWeek"]', { timeout: 240_000 });
    await tab.settled(60_000);
    const answer = await demo.api.get<{ perWeek: number; firings: Array<{ date: string }> }>(`/api/v1/alert-rules/${rule.id}/backtest?from=${span.from}&to=${span.to}`);
    expect(answer.status).toBe(200);
    expect(await shown.getAttribute('data-value')).toBe(String(answer.body.perWeek));
    expect(answer.body.perWeek).toBeCloseTo((answer.body.firings.length * 7) / 7);
    expect(await tab.page.getAttribute('[data-figure="alert-rules/backtest.firings.length"]', 'data-value')).toBe(String(answer.body.firings.length));
    const days = await tab.page.$$eval('[aria-label="Back-test firings"] [data-figure$="].date"]', (cells) => cells.map((c) => c.getAttribute('data-value')));
    expect(days).toEqual(answer.body.firings.map((f) => f.date));
    expect(await tab.page.textContent('[aria-label="Back-test"]')).toMatch(/Would have fired .+ times a week/);
    expect(await tab.page.$$eval('[aria-label="Back-test"] [data-drawn="true"]', (e) => e.length)).toBe(1);
    await tab.screenshot('alert-rule-backtest');
  }, 420_000);

  it('edits the limit to 0 in the editor (the whole document is PUT), and keeps the rest', async () => {
    await tab.page.fill('input[name="params.limit"]', '0');
    await tab.page.click('text=Save rule');
    const saved = await eventually(() => demo.api.get<Rule>(`/api/v1/alert-rules/${rule.id}`), (r) => r.body.params['limit'] === 0, { what: 'limit 0 saved' });
    expect(saved.body).toMatchObject({ name: RULE, kind: 'wip-limit', scope: { boardId: 'PAY' }, channelIds: [channelId], enabled: true });
    await tab.page.waitForSelector(`[aria-label="Rule list"] tr[data-rule-id="${rule.id}"]:has-text("limit 0")`);
    await tab.settled();
  });

  it('evaluates the rule now, and shows the alert it fires on the Alerts page and the overview, then acknowledges it', async () => {
    await tab.page.click('button:has-text("Evaluate now")');
    const firing = await tab.page.waitForSelector('[aria-label="Evaluated instances"] tr[data-state="firing"]', { timeout: 60_000 });
    expect(await firing.textContent()).toContain('PAY');
    await tab.settled();
    await tab.screenshot('alert-rule-evaluated');
    // The firing's notification is sent in the background: the page is compared with the API
    // below, so it is opened once that has happened (its delivery log does not follow it).
    await eventually(
      () => demo.api.get<{ items: Delivery[] }>(`/api/v1/alert-deliveries?ruleId=${rule.id}`),
      (r) => r.body.items.length > 0 && r.body.items.every((d) => d.status !== 'retrying'),
      { what: "the firing's notification sent" },
    );

    await tab.goto('/alerts');
    await tab.settled();
    expect(tab.url().searchParams.get('state')).toBe('firing');
    const alerts = await demo.api.get<{ items: Alert[] }>('/api/v1/alerts?state=firing');
    const alert = alerts.body.items.find((a) => a.ruleId === rule.id) as Alert;
    expect(alert).toMatchObject({ subject: { type: 'board', id: 'PAY' }, state: 'firing', threshold: 0 });
    const row = `tr[data-alert-id="${alert.id}"]`;
    expect(await tab.page.textContent(row)).toContain(RULE);
    expect(await tab.page.getAttribute(`${row} [data-figure="alerts.items[id=${alert.id}].value"]`, 'data-value')).toBe(String(alert.value));
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.screenshot('alerts-firing');

    await tab.page.click(`${row} button:has-text("Acknowledge")`);
    await tab.page.waitForSelector(`${row} [data-figure="alerts.items[id=${alert.id}].acknowledgedAt"]`);
    const acknowledged = await eventually(() => demo.api.get<{ items: Alert[] }>('/api/v1/alerts?state=firing'), (r) => r.body.items.find((a) => a.id === alert.id)?.acknowledgedAt !== null, { what: 'alert acknowledged' });
    expect(acknowledged.body.items.find((a) => a.id === alert.id)?.state).toBe('firing');
    // Acknowledging notifies again, in the background: once the API has sent those, the page's
    // delivery log (which polls while a delivery is retrying) must show them sent too.
    await eventually(
      () => demo.api.get<{ items: Delivery[] }>(`/api/v1/alert-deliveries?ruleId=${rule.id}`),
      (r) => r.body.items.every((d) => d.status !== 'retrying'),
      { what: 'the acknowledgement notifications sent' },
    );
    await tab.page.waitForFunction(`document.querySelectorAll('[data-figure^="alert-deliveries.items"][data-figure$="].status"][data-value="retrying"]').length === 0`, null, { timeout: 15_000 });
    await tab.settled();
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(await tab.page.isDisabled(`${row} button:has-text("Acknowledged")`)).toBe(true);
    await tab.screenshot('alerts-acknowledged');

    // Its detail: the rule, the alert's values and times, its timeline and the rule's notifications, as the API answers them.
    await tab.page.click(`${row} button:has-text("Details")`);
    await tab.page.waitForFunction(`new URL(location.href).searchParams.get('alertId') === '${alert.id}'`);
    const detail = '[aria-label="Alert detail"]';
    await tab.page.waitForSelector(`${detail} [data-figure="alerts.value"]`);
    await tab.page.waitForSelector(`${detail} [aria-label="Rule deliveries"]`);
    await tab.settled();
    const one = (await demo.api.get<AlertDetail>(`/api/v1/alerts/${alert.id}`)).body;
    const notifications = (await demo.api.get<{ items: Delivery[] }>(`/api/v1/alert-deliveries?ruleId=${rule.id}`)).body.items;
    expect(notifications.length).toBeGreaterThanOrEqual(1);
    expect(notifications.every((n) => n.ruleId === rule.id)).toBe(true);
    expect(await tab.page.textContent(`${detail} h2`)).toContain(RULE);
    expect(await tab.page.getAttribute(`${detail} [data-rule-kind]`, 'data-rule-kind')).toBe('wip-limit');
    const shown = async (figure: string) => tab.page.getAttribute(`${detail} [data-figure="${figure}"]`, 'data-value');
    expect(await shown('alerts.value')).toBe(String(one.value));
    expect(await shown('alerts.threshold')).toBe(String(one.threshold));
    expect(await shown('alerts.state')).toBe('firing');
    expect(await shown('alerts.startedAt')).toBe(one.startedAt);
    expect(await shown('alerts.lastNotifiedAt')).toBe(String(one.lastNotifiedAt));
    expect(await shown('alerts.acknowledgedAt')).toBe(one.acknowledgedAt);
    expect(await shown('alerts.snoozedUntil')).toBe('null');
    expect(await shown('alerts.resolvedAt')).toBe('null');
    const events = await tab.page.$$eval(`${detail} [aria-label="Alert timeline"] li`, (items) => items.map((li) => li.getAttribute('data-event')));
    expect(events.filter((e) => e !== 'delivery')).toEqual(one.history.map((h) => h.event));
    expect(events).toEqual(expect.arrayContaining(['firing', 'notified', 'acknowledged', 'delivery']));
    const rows = await tab.page.$$eval(`${detail} [aria-label="Rule deliveries"] tr[data-delivery-id]`, (trs) => trs.map((tr) => tr.getAttribute('data-delivery-id')));
    expect(rows).toEqual(notifications.map((n) => n.id));
    for (const n of notifications) {
      expect(await shown(`alert-deliveries.items[id=${n.id}].status`)).toBe(n.status);
      expect(await shown(`alert-deliveries.items[id=${n.id}].attempts`)).toBe(String(n.attempts));
      expect(await shown(`alert-deliveries.items[id=${n.id}].lastError`)).toBe(String(n.lastError));
    }
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.screenshot('alert-detail');

    await tab.goto('/');
    await tab.settled();
    const badge = await tab.page.waitForSelector('[aria-label="Board PAY"] [data-alerts-firing]');
    expect(Number(await badge.getAttribute('data-alerts-firing'))).toBeGreaterThanOrEqual(1);
    expect((await badge.getAttribute('data-alert-ids'))?.split(' ')).toContain(alert.id);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
    await tab.screenshot('overview-alert-badges');
  });

  it('shows a viewer the alerts and rules without acknowledge, snooze, save or evaluate', async () => {
    const viewer = await demo.open('/alerts?state=firing', viewerKey);
    try {
      expect(await viewer.page.$$(`tr[data-rule-id="${rule.id}"]`)).toHaveLength(1);
      expect(await viewer.page.$('button:has-text("Acknowledge")')).toBeNull();
      expect(await viewer.page.$('button:has-text("Snooze")')).toBeNull();
      expect(await viewer.figureMismatches(viewerKey)).toEqual([]);
      await viewer.goto(`/alert-rules?ruleId=${rule.id}`);
      await viewer.settled();
      expect(await viewer.page.$('text=Save rule')).toBeNull();
      expect(await viewer.page.$('button:has-text("Evaluate now")')).toBeNull();
      expect(await viewer.page.isDisabled('input[name="name"]')).toBe(true);
      expect(viewer.consoleErrors).toEqual([]);
      await viewer.screenshot('alert-rules-viewer');
    } finally {
      await viewer.close();
    }
  });
});
