// The risk page in a real browser on the seeded demo (which carries releases, epics, links and due
// dates): every figure as the API answers it for the URL, and a ROAM change saved from the register.
import { ApiClient } from '@flowlens/testing';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

interface Summary { items: Array<{ id: string; level: string; reasons: string[] }> }
interface Register { items: Array<{ riskId: string; signal: string; roam: string | null; owner: string | null; open: boolean; history: unknown[] }> }

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

  it('has risk material of every kind at first start (issue 13: the demo)', async () => {
    const api = new ApiClient(demo.app.url, demo.apiKey);
    const items = (await api.get<{ items: Array<{ signals: string[] }> }>('/api/v1/risk/items')).body.items;
    const kinds = new Set(items.flatMap((i) => i.signals));
    expect([...kinds].sort()).toEqual(['aging', 'blocked', 'dependency', 'due-date']);
    expect((await api.get<{ items: unknown[] }>('/api/v1/risk/releases')).body.items.length).toBeGreaterThan(0);
    expect((await api.get<{ items: unknown[] }>('/api/v1/risk/epics')).body.items.length).toBeGreaterThan(0);
    expect((await api.get<{ items: Array<{ crossTeam: boolean }> }>('/api/v1/risk/dependencies')).body.items.some((d) => d.crossTeam)).toBe(true);
    expect((await api.get<{ items: unknown[] }>('/api/v1/teams')).body.items.length).toBeGreaterThan(0);
    const [portfolio] = (await api.get<{ items: Array<{ id: string }> }>('/api/v1/portfolios')).body.items;
    expect(portfolio).toBeDefined();
    // The demo's issues carry story points, so capacity also answers in estimate units.
    const capacity = await api.get<{ throughput: number; estimate: { items: number; throughput: number } | null }>(`/api/v1/capacity?portfolioId=${portfolio?.id}`);
    expect(capacity.body.throughput).toBeGreaterThan(0);
    expect(capacity.body.estimate?.items).toBeGreaterThan(0);
    expect(capacity.body.estimate?.throughput).toBeGreaterThan(0);
    // The register holds an open risk of every kind.
    const register = (await api.get<Register>('/api/v1/risks')).body.items;
    expect([...new Set(register.filter((r) => r.open).map((r) => r.signal))].sort()).toEqual(['aging', 'blocked', 'concentration', 'dependency', 'due-date', 'epic', 'release']);
  });

  it('answers quality week by week: the weeks cover the window, sum to its counts, and are drawn', async () => {
    const api = new ApiClient(demo.app.url, demo.apiKey);
    type Figures = { done: number; created: number; reopened: number; defectsCreated: number; defectsDone: number };
    const trend = (await api.get<Figures & { from: string; to: string; series: Array<Figures & { from: string; to: string }> }>('/api/v1/quality?interval=week')).body;
    expect(trend.series.length).toBeGreaterThanOrEqual(13);
    expect(trend.series[0]?.from).toBe(trend.from);
    expect(trend.series.at(-1)?.to).toBe(trend.to);
    trend.series.slice(1).forEach((week, i) => expect(Date.parse(week.from) - Date.parse(trend.series[i]?.to as string)).toBe(86_400_000));
    for (const count of ['done', 'created', 'defectsCreated', 'defectsDone'] as const) expect(trend.series.reduce((n, w) => n + w[count], 0)).toBe(trend[count]);
    // An item reopened in two weeks counts in each: the weeks' sum is at least the window's.
    expect(trend.series.reduce((n, w) => n + w.reopened, 0)).toBeGreaterThanOrEqual(trend.reopened);
    const tab = await demo.open('/risk');
    await tab.page.waitForSelector('[data-panel="risk-quality"] [data-drawn="true"]');
    await tab.close();
  });

  it("names a release's risk in the register by the release's name", async () => {
    const api = new ApiClient(demo.app.url, demo.apiKey);
    const atRisk = (await api.get<{ items: Array<{ releaseId: string; name: string; atRisk: boolean }> }>('/api/v1/risk/releases')).body.items.filter((r) => r.atRisk);
    const register = (await api.get<{ items: Array<{ riskId: string; subject: { type: string; id: string } }> }>('/api/v1/risks')).body.items;
    const risk = register.find((r) => r.subject.type === 'release' && r.subject.id === atRisk[0]?.releaseId);
    expect(risk).toBeDefined();
    const tab = await demo.open('/risk');
    const cell = await tab.page.waitForSelector(`tr[data-risk="${risk?.riskId}"] td:nth-child(2)`);
    await tab.page.waitForFunction(`document.querySelector('tr[data-risk="${risk?.riskId}"] td:nth-child(2)')?.textContent?.includes(${JSON.stringify(atRisk[0]?.name)})`);
    expect((await cell.textContent())?.trim()).toBe(`release ${atRisk[0]?.name}`);
    await tab.close();
  });

  it('shows a risk badge on every board and portfolio tile of the overview, its reasons in the tooltip', async () => {
    const tab = await demo.open('/');
    await tab.page.waitForSelector('.tile [data-figure^="risk/summary.items[id="]');
    await tab.settled();
    const api = new ApiClient(demo.app.url, demo.apiKey);
    const boards = (await api.get<Summary>('/api/v1/risk/summary?by=board')).body.items;
    const portfolios = (await api.get<Summary>('/api/v1/risk/summary?by=portfolio')).body.items;
    expect(boards.length).toBeGreaterThan(0);
    expect(portfolios.length).toBeGreaterThan(0);
    const badges = await tab.page.$$eval('[data-reasons]', (els) => els.map((e) => ({ title: e.getAttribute('title') ?? '', figure: e.querySelector('[data-figure]')?.getAttribute('data-figure') ?? '', query: e.getAttribute('data-query') })));
    for (const [by, subjects] of [['board', boards], ['portfolio', portfolios]] as const) {
      for (const s of subjects) {
        const badge = badges.find((b) => b.figure === `risk/summary.items[id=${s.id}].level` && b.query === `by=${by}`);
        expect(badge).toBeDefined();
        expect(badge?.title).toBe(`Risk ${s.level}: ${s.reasons.length ? s.reasons.join('\n') : 'no risk signal'}`);
      }
    }
    // The demo has risks of each kind, so some subject is above low and names its reasons.
    expect([...boards, ...portfolios].some((s) => s.level !== 'low' && s.reasons.length > 0)).toBe(true);
    expect(await tab.figureMismatches(demo.apiKey)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
    await tab.close();
  });

  it("keeps the register's signals whatever window and options a listing asks for", async () => {
    const api = new ApiClient(demo.app.url, demo.apiKey);
    const before = await api.get<Register>('/api/v1/risks');
    // The demo has open due-date risks; at threshold 0 no item is one: evaluated so, they would close.
    const open = (r: Register) => r.items.filter((risk) => risk.open).map((risk) => risk.signal);
    expect(open(before.body)).toContain('due-date');
    const today = new Date().toISOString().slice(0, 10);
    const narrow = await api.get<Register>(`/api/v1/risks?threshold=0&sleWindow=1&trials=1&from=${today}&to=${today}`);
    expect(narrow.status).toBe(200);
    const after = await api.get<Register>('/api/v1/risks');
    for (const listing of [narrow.body, after.body]) {
      expect(listing.items.map((risk) => [risk.riskId, risk.open, risk.history.length])).toEqual(before.body.items.map((risk) => [risk.riskId, risk.open, risk.history.length]));
    }
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
