// The dashboard shell in a real browser on the seeded demo: sign-in, the board flow page's
// figures against the API, filters in the URL.
import { DashboardTab } from '@flowlens/testing/browser';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

describe('dashboard: sign-in and board flow (browser)', () => {
  let demo: DashboardDemo;
  const tabs: DashboardTab[] = [];

  beforeAll(async () => {
    demo = await startDashboardDemo();
  }, 240_000);
  afterAll(async () => {
    for (const tab of tabs) await tab.close();
    await demo?.stop();
  });

  it('keeps the form and shows an alert for a wrong key, and signs in with the right one', async () => {
    const tab = await DashboardTab.open(demo.browser, demo.app.url);
    tabs.push(tab);
    await tab.goto('/flow?boardId=PAY');
    await tab.page.fill('input[name="apiKey"]', 'flk_0000000000000000_not-a-real-key-at-all-000000000000000');
    await tab.page.click('button[type="submit"]');
    const alert = await tab.page.waitForSelector('[role="alert"]');
    expect(await alert.textContent()).toMatch(/not valid/i);
    expect(await tab.page.$('input[name="apiKey"]')).not.toBeNull();
    await tab.screenshot('sign-in-wrong-key');

    await tab.signIn(demo.apiKey);
    await tab.settled();
    // The view asked for before signing in, with its defaults written into the URL.
    expect(tab.url().pathname).toBe('/flow');
    expect(tab.url().searchParams.get('boardId')).toBe('PAY');
    expect(tab.url().searchParams.get('from')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await tab.page.evaluate('sessionStorage.length')).toBe(1);
    expect(tab.consoleErrors.filter((e) => !/401/.test(e))).toEqual([]);
  });

  it('shows every board-flow figure as the API answers it for the URL, and every chart drawn', async () => {
    const tab = await demo.open('/flow');
    tabs.push(tab);
    const figures = await tab.figures();
    expect(figures.length).toBeGreaterThan(30);
    for (const name of ['throughput.total', 'cycle-time.p85', 'aging.itemsTotal', 'flow-efficiency.efficiency', 'flow-framework.velocity', 'littles-law.ratio']) {
      expect(figures.map((f) => f.figure)).toContain(name);
    }
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(await tab.page.$$eval('[data-drawn="true"]', (e) => e.length)).toBeGreaterThanOrEqual(9);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('flow-all-boards');
  });

  it('changes the URL and the figures with a filter, and keeps both on reload', async () => {
    const tab = await demo.open('/flow');
    tabs.push(tab);
    const before = (await tab.figures()).find((f) => f.figure === 'throughput.total')?.value;
    await tab.page.selectOption('select[name="boardId"]', 'OPS');
    await tab.settled();
    expect(tab.url().searchParams.get('boardId')).toBe('OPS');
    const after = (await tab.figures()).find((f) => f.figure === 'throughput.total')?.value;
    expect(after).not.toBe(before);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);

    await tab.page.reload();
    await tab.settled();
    expect(tab.url().searchParams.get('boardId')).toBe('OPS');
    expect((await tab.figures()).find((f) => f.figure === 'throughput.total')?.value).toBe(after);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('flow-board-ops');
  });

  it('signs out: no figures shown and the key in no browser storage', async () => {
    const tab = await demo.open('/flow?boardId=WEB');
    tabs.push(tab);
    await tab.page.click('text=Sign out');
    await tab.page.waitForSelector('input[name="apiKey"]');
    expect(await tab.page.$$('[data-figure]')).toHaveLength(0);
    const stored = (await tab.page.evaluate('JSON.stringify([Object.values(sessionStorage), Object.values(localStorage)])')) as string;
    expect(stored).not.toContain(demo.apiKey);
  });
});
