// Settings and roles in a real browser on the seeded demo: the UI shows each role what the API
// lets it do, and a workflow-map edit changes the figures at once.
import type { DashboardTab } from '@flowlens/testing/browser';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

describe('dashboard: settings and roles (browser)', () => {
  let demo: DashboardDemo;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    demo = await startDashboardDemo();
    for (const role of ['viewer', 'analyst'] as const) {
      const issued = await demo.api.post<{ apiKey: string }>('/api/v1/api-keys', { name: `${role} key`, role });
      keys[role] = issued.body.apiKey;
    }
  }, 240_000);
  afterAll(() => demo?.stop());

  const navLabels = (tab: DashboardTab) => tab.page.$$eval('nav a', (links) => links.map((a) => (a.textContent ?? '').trim()));

  it('answers what the dashboard reads: /me, connector activity, unmapped statuses, items beyond p85, trial outcomes', async () => {
    const viewer = demo.api.withToken(keys['viewer'] as string);
    const me = await viewer.get<{ workspace: { name: string; timezone: string }; key: { role: string; name: string } }>('/api/v1/me');
    expect(me.body).toMatchObject({ workspace: { name: 'Demo: Acme Portfolio', timezone: 'Europe/London' }, key: { role: 'viewer', name: 'viewer key' } });

    const activity = await demo.api.get<{ items: Array<{ deliveries: number; accepted: number; lastDelivery: { outcome: string } }> }>('/api/v1/connectors/activity');
    expect(activity.body.items).toHaveLength(1);
    expect(activity.body.items[0]).toMatchObject({ lastDelivery: { outcome: 'accepted' } });
    expect(activity.body.items[0]?.accepted).toBe(activity.body.items[0]?.deliveries);
    const denied = await viewer.get<{ error: { code: string; message: string } }>('/api/v1/connectors/activity');
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toMatch(/admin/);

    const maps = await demo.api.get<{ items: Array<{ boardId: string; stages: Array<{ name: string; category: string; statuses: string[] }>; unmappedStatuses: string[] }> }>('/api/v1/workflows');
    const ops = maps.body.items.find((m) => m.boardId === 'OPS');
    expect(ops?.unmappedStatuses).toEqual([]);
    const narrower = (ops?.stages ?? []).map((stage) => (stage.name === 'Blocked' ? { ...stage, statuses: ['10004'] } : stage)).filter((stage) => stage.name !== 'Done');
    expect((await demo.api.put('/api/v1/workflows/OPS', { stages: narrower })).status).toBe(200);
    const after = await demo.api.get<{ items: Array<{ boardId: string; unmappedStatuses: string[] }> }>('/api/v1/workflows');
    expect(after.body.items.find((m) => m.boardId === 'OPS')?.unmappedStatuses).toEqual(['Done']);
    expect((await demo.api.put('/api/v1/workflows/OPS', { stages: ops?.stages })).status).toBe(200);

    const aging = await viewer.get<{ items: Array<{ ageDays: number }>; percentiles: { p85: number }; itemsBeyond: { p85: number } }>('/api/v1/metrics/aging');
    expect(aging.body.itemsBeyond.p85).toBe(aging.body.items.filter((i) => i.ageDays > aging.body.percentiles.p85).length);

    const howMany = await viewer.get<{ p85: number; trials: number; outcomes: Array<{ value: number; trials: number }> }>(`/api/v1/forecast/how-many?by=${new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10)}&seed=3&trials=2000`);
    expect(howMany.body.outcomes.reduce((n, o) => n + o.trials, 0)).toBe(2000);
    expect(howMany.body.outcomes.filter((o) => o.value >= howMany.body.p85).reduce((n, o) => n + o.trials, 0)).toBeGreaterThanOrEqual(1700);
  });

  it('shows a viewer the figures and read-only maps, and none of the admin pages', async () => {
    const tab = await demo.open('/settings/workflows?boardId=PAY', keys['viewer']);
    expect(await tab.page.textContent('.role')).toBe('viewer');
    const nav = await navLabels(tab);
    expect(nav).toEqual(expect.arrayContaining(['Overview', 'Board flow', 'Forecasts', 'Workflow maps']));
    for (const hidden of ['Connectors', 'Imports', 'API keys']) expect(nav).not.toContain(hidden);
    expect(await tab.page.$('text=Save map')).toBeNull();
    expect(await tab.page.$eval('select[aria-label="Category"]', (e) => (e as unknown as { disabled: boolean }).disabled)).toBe(true);
    await tab.goto('/settings/api-keys');
    await tab.settled();
    expect(await tab.page.textContent('[role="alert"]')).toMatch(/needs the admin role/);
    await tab.goto('/flow');
    await tab.settled();
    expect(await tab.figureMismatches(keys['viewer'] as string)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('viewer-workflows');
    await tab.close();
  });

  it('lets an analyst change a map, and shows the figures it changed', async () => {
    const tab = await demo.open('/settings/workflows?boardId=PAY', keys['analyst']);
    expect(await navLabels(tab)).not.toContain('Connectors');
    const before = await demo.api.get<{ efficiency: number }>('/api/v1/metrics/flow-efficiency?boardId=PAY');
    await tab.page.selectOption('[data-stage="In Review"] select[aria-label="Category"]', 'wait');
    await tab.page.click('text=Save map');
    await tab.page.waitForSelector('.notice[role="status"]');
    await tab.settled();
    const shown = (await tab.figures()).find((f) => f.figure === 'flow-efficiency.efficiency');
    expect(Number(shown?.value)).toBeLessThan(before.body.efficiency);
    expect(await tab.figureMismatches(keys['analyst'] as string)).toEqual([]);
    expect(await tab.page.textContent('[aria-label="Map history"]')).toContain('api-key:');
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('analyst-map-saved');
    await tab.close();
  });

  it('lets an admin see connectors with their webhook URL and last delivery, imports, and issue and revoke keys', async () => {
    const tab = await demo.open('/settings/connectors');
    expect(await tab.page.textContent('[data-webhook-url]')).toMatch(new RegExp(`^${demo.app.url.replace('127.0.0.1', '(127\\.0\\.0\\.1|localhost)')}/webhooks/jira/`));
    expect(await tab.page.textContent('[aria-label^="Connector"]')).toMatch(/\(accepted\)/);
    await tab.screenshot('connectors');
    await tab.goto('/settings/imports');
    await tab.settled();
    expect(await tab.page.textContent('main')).toContain('No import has run');

    await tab.goto('/settings/api-keys');
    await tab.settled();
    await tab.page.fill('input[name="keyName"]', 'browser-made');
    await tab.page.selectOption('select[name="role"]', 'viewer');
    await tab.page.click('text=Issue key');
    const issued = ((await (await tab.page.waitForSelector('[data-issued-key]')).textContent()) ?? '').trim();
    expect((await demo.api.withToken(issued).get('/api/v1/metrics/throughput')).status).toBe(200);
    tab.page.on('dialog', (dialog) => void dialog.accept());
    await tab.page.click('tr:has-text("browser-made") >> text=Revoke');
    await tab.page.waitForSelector('tr:has-text("browser-made") >> text=revoked');
    expect((await demo.api.withToken(issued).get('/api/v1/metrics/throughput')).status).toBe(401);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('api-keys');
    await tab.close();
  });
});
