// The risk page in a real browser on the seeded demo (which carries releases, epics, links and due
// dates): every figure as the API answers it for the URL, and a ROAM change saved from the register.
import { ApiClient } from '@flowlens/testing';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

interface Register { items: Array<{ riskId: string; roam: string | null; owner: string | null; open: boolean }> }

describe('dashboard: risk page (browser)', () => {
  let demo: DashboardDemo;
  beforeAll(async () => {
    demo = await startDashboardDemo();
  }, 240_000);
  afterAll(() => demo?.stop());

  it('shows its figures as the API answers them, with no console error', async () => {
    const tab = await demo.open('/risk');
    const figures = (await tab.figures()).map((f) => f.figure);
    for (const name of ['risk/items.blockedShare', 'quality.reopenRate']) expect(figures).toContain(name);
    expect(figures.some((f) => f.startsWith('risk/summary.items[id='))).toBe(true);
    expect(figures.some((f) => f.startsWith('risk/releases.items[releaseId='))).toBe(true);
    expect(figures.some((f) => f.startsWith('risk/epics.items[epicKey='))).toBe(true);
    expect(figures.some((f) => f.startsWith('risk/dependencies.items['))).toBe(true);
    expect(figures.some((f) => f.startsWith('risks.items[riskId='))).toBe(true);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('risk');
    await tab.close();
  });

  it('saves a ROAM state, owner and note from the register', async () => {
    const tab = await demo.open('/risk');
    const row = await tab.page.waitForSelector('tr[data-risk]');
    const riskId = (await row.getAttribute('data-risk')) ?? '';
    const select = await row.$('select');
    await select?.selectOption('mitigated');
    await (await row.$('input[aria-label="Owner"]'))?.fill('pmo-lead');
    await (await row.$('input[aria-label="Note"]'))?.fill('vendor escalated');
    await (await row.$('button'))?.click();
    await tab.settled();
    const register = await new ApiClient(demo.app.url, demo.apiKey).get<Register>('/api/v1/risks');
    expect(register.body.items.find((r) => r.riskId === riskId)).toMatchObject({ roam: 'mitigated', owner: 'pmo-lead' });
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });
});
