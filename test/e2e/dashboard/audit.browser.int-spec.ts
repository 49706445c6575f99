// The audit page and role-based hiding in a real browser on the seeded demo: an admin sees the
// changes as the API lists them; a viewer sees no link, no page, and the API refuses it anyway.
import type { DashboardTab } from '@flowlens/testing/browser';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

describe('dashboard: audit log and roles (browser)', () => {
  let demo: DashboardDemo;
  let viewerKey: string;
  const tabs: DashboardTab[] = [];

  beforeAll(async () => {
    demo = await startDashboardDemo();
    const viewer = await demo.api.post<{ apiKey: string }>('/api/v1/api-keys', { name: 'board member', role: 'viewer' });
    viewerKey = viewer.body.apiKey;
    await demo.api.request('PATCH', '/api/v1/workspace', { name: 'Demo: Acme Portfolio (audited)' });
  }, 240_000);
  afterAll(async () => {
    for (const tab of tabs) await tab.close();
    await demo?.stop();
  });

  it('shows an admin every change as the API lists it, newest first, with secrets hidden', async () => {
    const tab = await demo.open('/');
    tabs.push(tab);
    await tab.page.getByRole('link', { name: 'Audit log' }).click();
    await tab.settled();
    expect(tab.url().pathname).toBe('/audit');
    const api = await demo.api.get<{ items: Array<{ id: string; action: string }> }>('/api/v1/audit');
    expect(api.body.items.map((e) => e.action)).toEqual(['workspace.update', 'api-key.create']);
    const rows = await tab.page.$$eval('tr[data-audit-id]', (trs) => trs.map((tr) => ({ id: tr.getAttribute('data-audit-id'), action: tr.querySelector('[data-audit-action]')?.textContent })));
    expect(rows).toEqual(api.body.items.map((e) => ({ id: e.id, action: e.action })));
    expect(await tab.page.textContent('table')).not.toContain(viewerKey);

    await tab.page.fill('input[name="target"]', 'api-key');
    await tab.page.press('input[name="target"]', 'Enter');
    await tab.settled();
    expect(tab.url().searchParams.get('target')).toBe('api-key');
    expect(await tab.page.$$eval('[data-audit-action]', (cells) => cells.map((c) => c.textContent))).toEqual(['api-key.create']);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('audit-log');
  });

  it('hides admin pages from a viewer, and the API refuses the viewer anyway', async () => {
    const tab = await demo.open('/', viewerKey);
    tabs.push(tab);
    expect(await tab.page.getByText('viewer', { exact: true }).count()).toBeGreaterThan(0);
    expect(await tab.page.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    expect(await tab.page.getByRole('link', { name: 'Board flow' }).count()).toBe(1);
    await tab.goto('/audit');
    await tab.settled();
    expect(await tab.page.textContent('[role="alert"]')).toContain('needs the admin role');
    expect(await tab.page.$$('tr[data-audit-id]')).toHaveLength(0);
    const refused = await demo.api.withToken(viewerKey).get<{ error: { code: string; message: string } }>('/api/v1/audit');
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect(refused.body.error.message).toContain('admin');
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('audit-log-viewer');
  });
});
