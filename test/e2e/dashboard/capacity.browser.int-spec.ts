// The capacity page, the team editor and the portfolio tiles in a real browser on the seeded
// demo: every figure as the API answers it for the URL, and an edit taking effect at once.
import { DashboardTab } from '@flowlens/testing/browser';
import { ApiClient, eventually } from '@flowlens/testing';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

describe('dashboard: capacity, teams and portfolio tiles (browser)', () => {
  let demo: DashboardDemo;
  const tabs: DashboardTab[] = [];

  beforeAll(async () => {
    demo = await startDashboardDemo();
  }, 240_000);
  afterAll(async () => {
    for (const tab of tabs) await tab.close();
    await demo?.stop();
  });

  it('shows a portfolio tile per portfolio on the overview, each figure as the API answers it', async () => {
    const tab = await demo.open('/');
    tabs.push(tab);
    const figures = await tab.figures();
    expect(figures.filter((f) => f.figure === 'capacity.capacityDays')).toHaveLength(1);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('overview-portfolio-tiles');
  });

  it('shows the capacity page of the portfolio, then of a team, with every figure and chart', async () => {
    // Active time in the window grows with the clock while `to` is today: pin the instant.
    const asOf = new Date().toISOString();
    const tab = await demo.open(`/capacity?asOf=${encodeURIComponent(asOf)}`);
    tabs.push(tab);
    expect(tab.url().searchParams.get('portfolioId')).toMatch(/^[0-9a-f-]{36}$/);
    const names = (await tab.figures()).map((f) => f.figure);
    for (const name of ['capacity.capacityDays', 'capacity.loadPerFte', 'capacity.backlogWeeks', 'capacity/allocation.byType.feature', 'capacity/cost.cost', 'capacity/cost.byType.defect']) expect(names).toContain(name);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(await tab.page.$$eval('[data-drawn="true"]', (e) => e.length)).toBe(4);
    await tab.screenshot('capacity-portfolio');

    const teams = await new ApiClient(demo.app.url, demo.apiKey).get<{ items: Array<{ id: string }> }>('/api/v1/teams');
    const teamId = teams.body.items[0]?.id as string;
    await tab.page.selectOption('select[name="subject"]', `team:${teamId}`);
    // The team's figures replace the portfolio's once its answers arrive (only a team has a target).
    await tab.page.waitForSelector('[data-figure="capacity/allocation.target.feature"]', { timeout: 60_000 });
    await tab.settled();
    expect(tab.url().searchParams.get('teamId')).toBe(teamId);
    expect(tab.url().searchParams.get('portfolioId')).toBeNull();
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('capacity-team');
  });

  it('edits a team in the team editor, and the capacity follows at once', async () => {
    const api = new ApiClient(demo.app.url, demo.apiKey);
    const team = (await api.get<{ items: Array<{ id: string; name: string; focusFactor: number }> }>('/api/v1/teams')).body.items[0] as { id: string; name: string; focusFactor: number };
    const before = await api.get<{ capacityDays: number }>(`/api/v1/capacity?teamId=${team.id}`);
    const tab = await demo.open('/teams');
    tabs.push(tab);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    await tab.page.fill('input[name="focusFactor"]', String(team.focusFactor / 2));
    await tab.page.click('button[type="submit"]');
    const after = await eventually(
      () => api.get<{ capacityDays: number }>(`/api/v1/capacity?teamId=${team.id}`),
      (r) => Math.abs(r.body.capacityDays - before.body.capacityDays / 2) < 1e-6,
      { what: 'capacity halved by the saved focus factor' },
    );
    // A bad value is refused with the API's reason, and nothing changes.
    await tab.page.fill('input[name="focusFactor"]', '3');
    await tab.page.click('button[type="submit"]');
    const alert = await tab.page.waitForSelector('[role="alert"]');
    expect(await alert.textContent()).toMatch(/focusFactor/);
    expect((await api.get<{ capacityDays: number }>(`/api/v1/capacity?teamId=${team.id}`)).body.capacityDays).toBeCloseTo(after.body.capacityDays);
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
    await tab.screenshot('team-editor');
  });
});
