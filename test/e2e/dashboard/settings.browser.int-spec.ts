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
