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
    for (const name of ['throughput.total', 'cycle-time.p85', 'aging.itemsTotal', 'flow-framework.efficiency.efficiency', 'flow-framework.distribution.byType.feature', 'flow-framework.velocity', 'littles-law.ratio']) {
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
    await tab.page.waitForFunction(`document.querySelector('[data-figure="throughput.total"]')?.getAttribute('data-value') !== '${before}'`);
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

  it('on a reload, asks for the figures without waiting for GET /me, which it still asks', async () => {
    const tab = await demo.open('/flow?boardId=PAY');
    tabs.push(tab);
    await tab.page.reload();
    await tab.settled();
    const calls = (await tab.page.evaluate(
      `performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/v1/')).map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd }))`,
    )) as Array<{ path: string; start: number; end: number }>;
    const me = calls.filter((c) => c.path === '/api/v1/me');
    const figures = calls.filter((c) => c.path.startsWith('/api/v1/metrics/'));
    expect(me).toHaveLength(1);
    expect(figures.length).toBeGreaterThanOrEqual(7);
    // The identity kept with the key gives the URL's defaults (the workspace's zone) at once.
    expect(Math.min(...figures.map((c) => c.start))).toBeLessThan(me[0]?.end ?? 0);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
  });

  it('serves index.html for every dashboard URL, and keeps the API answering JSON', async () => {
    for (const path of ['/', '/flow?boardId=PAY', '/items/PAY-3', '/settings/workflows']) {
      const page = await fetch(`${demo.app.url}${path}`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<div id="root">');
    }
    const unknown = await fetch(`${demo.app.url}/api/v1/no-such-thing`);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { code: string } }).error.code).toBe('not_found');
    expect((await fetch(`${demo.app.url}/health`)).headers.get('content-type')).toContain('application/json');
  });

  it('shows the overview tiles, forecasts and an item page as the API answers them', async () => {
    const tab = await demo.open('/');
    tabs.push(tab);
    const tiles = await tab.page.$$('a.tile[data-query]');
    expect(tiles).toHaveLength(3);
    expect((await tab.figures()).filter((f) => f.figure === 'flow-framework.time.p85')).toHaveLength(3);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.screenshot('overview');
    // Landing-page links: overview, each board's flow page, forecasts, workflow maps.
    const hrefs = await tab.page.$$eval('a[href]', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    for (const href of ['/', '/flow?boardId=OPS', '/flow?boardId=PAY', '/flow?boardId=WEB', '/forecast', '/settings/workflows']) expect(hrefs).toContain(href);

    await tab.page.selectOption('select[name="sort"]', '-p85');
    await tab.settled();
    expect(tab.url().searchParams.get('sort')).toBe('-p85');
    const order = (await tab.figures()).filter((f) => f.figure === 'flow-framework.time.p85').map((f) => Number(f.value));
    expect(order).toEqual([...order].sort((a, b) => b - a));

    await tab.page.click('a.tile[data-query="boardId=WEB"]');
    await tab.settled();
    expect(tab.url().pathname).toBe('/flow');
    expect(tab.url().searchParams.get('boardId')).toBe('WEB');

    await tab.goto('/forecast?items=30&seed=5');
    await tab.settled();
    expect(tab.url().searchParams.get('trials')).toBe('10000');
    expect(tab.url().searchParams.get('seed')).toBe('5');
    expect((await tab.figures()).map((f) => f.figure)).toEqual(expect.arrayContaining(['forecast/how-many.p85', 'forecast/when.p85']));
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.screenshot('forecast');

    await tab.goto('/flow?boardId=OPS');
    await tab.settled();
    const itemLink = tab.page.locator('.oldest a.item-link').first();
    const itemKey = (await itemLink.textContent()) as string;
    await itemLink.click();
    await tab.settled();
    expect(tab.url().pathname).toBe(`/items/${itemKey}`);
    expect((await tab.figures()).map((f) => f.figure)).toEqual(expect.arrayContaining(['items.stage', 'items.startedAt', 'items/timeline.segments[0].days']));
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.screenshot('item');
    expect(tab.consoleErrors).toEqual([]);
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
