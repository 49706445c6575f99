// The portfolio editor in a real browser on the seeded demo: a portfolio made and changed through
// the form is exactly what the API then holds, its figures are the API's for its portfolioId, a
// bad owner e-mail is refused with the API's reason and saves nothing, and a viewer edits nothing.
import type { DashboardTab } from '@flowlens/testing/browser';
import { type DashboardDemo, startDashboardDemo } from '../../support/dashboard-demo';

interface Portfolio {
  id: string;
  name: string;
  teamIds: string[];
  boardIds: string[];
  owners: string[];
}
interface Team {
  id: string;
  name: string;
  boardIds: string[];
}
interface ApiErrorBody {
  error: { code: string; message: string; details: Array<{ path: string; message: string }> };
}

const NAME = 'Browser-made portfolio';
const RENAMED = 'Browser-made payments portfolio';
const OWNER = 'pmo.lead@example.com';

describe('dashboard: portfolio editor (browser)', () => {
  let demo: DashboardDemo;
  const keys: Record<'viewer' | 'analyst', string> = { viewer: '', analyst: '' };
  let pay: Team;
  let web: Team;
  let made: Portfolio;
  let tab: DashboardTab;

  beforeAll(async () => {
    demo = await startDashboardDemo();
    for (const role of ['viewer', 'analyst'] as const) keys[role] = (await demo.api.post<{ apiKey: string }>('/api/v1/api-keys', { name: `${role} key`, role })).body.apiKey;
    const teams = (await demo.api.get<{ items: Team[] }>('/api/v1/teams')).body.items;
    pay = teams.find((t) => t.boardIds.includes('PAY')) as Team;
    web = teams.find((t) => t.boardIds.includes('WEB')) as Team;
    tab = await demo.open('/portfolios', keys.analyst);
  }, 240_000);
  afterAll(async () => {
    await tab?.close();
    await demo?.stop();
  });

  const portfolios = async () => (await demo.api.get<{ items: Portfolio[] }>('/api/v1/portfolios')).body.items;
  const fields = ({ id, name, teamIds, boardIds, owners }: Portfolio) => ({ id, name, teamIds, boardIds, owners });
  const listed = () => tab.page.$$eval('[aria-label="Portfolio list"] tbody button', (buttons) => buttons.map((b) => (b.textContent ?? '').trim()));
  const save = async () => {
    await tab.page.click('button:has-text("Save portfolio")');
    await tab.settled();
  };

  it('creates a portfolio of two teams, a board and an owner through the form, and lists it', async () => {
    const before = await portfolios();
    await tab.page.click('button:has-text("New portfolio")');
    await tab.page.fill('input[name="name"]', NAME);
    await tab.page.fill('input[name="boards"]', 'OPS');
    await tab.page.fill('input[name="owners"]', OWNER);
    await tab.page.check(`input[name="team-${pay.id}"]`);
    await tab.page.check(`input[name="team-${web.id}"]`);
    await save();
    await tab.page.waitForSelector(`[aria-label="Portfolio list"] button:has-text("${NAME}")`);

    const after = await portfolios();
    expect(after).toHaveLength(before.length + 1);
    made = after.find((p) => p.name === NAME) as Portfolio;
    expect(fields(made)).toEqual({ id: made.id, name: NAME, teamIds: [pay.id, web.id], boardIds: ['OPS'], owners: [OWNER] });
    expect(await listed()).toContain(NAME);
    // The saved portfolio is the one being edited, its team count shown from the list's answer.
    expect(await tab.page.inputValue('input[name="name"]')).toBe(NAME);
    expect(await tab.page.getAttribute(`[data-figure="portfolios.items[id=${made.id}].teamIds.length"]`, 'data-value')).toBe('2');
    expect(await tab.figureMismatches(keys.analyst)).toEqual([]);
    expect(tab.consoleErrors).toEqual([]);
  });

  it('edits it (a team removed, renamed), and the API holds exactly what the form says', async () => {
    await tab.page.uncheck(`input[name="team-${web.id}"]`);
    await tab.page.fill('input[name="name"]', RENAMED);
    await save();
    await tab.page.waitForSelector(`[aria-label="Portfolio list"] button:has-text("${RENAMED}")`);
    expect(await listed()).not.toContain(NAME);

    const saved = await demo.api.get<Portfolio>(`/api/v1/portfolios/${made.id}`);
    expect(saved.status).toBe(200);
    expect(fields(saved.body)).toEqual({ id: made.id, name: RENAMED, teamIds: [pay.id], boardIds: ['OPS'], owners: [OWNER] });
    expect(await tab.page.inputValue('input[name="name"]')).toBe(RENAMED);
    expect(await tab.page.inputValue('input[name="boards"]')).toBe('OPS');
    expect(await tab.page.inputValue('input[name="owners"]')).toBe(OWNER);
    expect(await tab.page.isChecked(`input[name="team-${pay.id}"]`)).toBe(true);
    expect(await tab.page.isChecked(`input[name="team-${web.id}"]`)).toBe(false);
    expect(await tab.page.getAttribute(`[data-figure="portfolios.items[id=${made.id}].teamIds.length"]`, 'data-value')).toBe('1');
    expect(tab.consoleErrors).toEqual([]);
    await tab.screenshot('portfolio-editor');
  });

  it("shows the edited portfolio's figures as the API answers them for its portfolioId", async () => {
    const panel = `[data-query="portfolioId=${made.id}"]`;
    await tab.page.waitForSelector(`${panel} [data-figure="capacity.throughput"]`);
    const shown = async (figure: string) => Number(await tab.page.getAttribute(`${panel} [data-figure="${figure}"]`, 'data-value'));
    const capacity = (await demo.api.get<{ throughput: number; capacityDays: number; backlog: number }>(`/api/v1/capacity?portfolioId=${made.id}`)).body;
    expect(await shown('capacity.throughput')).toBe(capacity.throughput);
    expect(await shown('capacity.capacityDays')).toBe(capacity.capacityDays);
    expect(await shown('capacity.backlog')).toBe(capacity.backlog);
    // PAY's team and the OPS board, without WEB: not the figures of the seeded portfolio of all three.
    const seeded = (await portfolios()).find((p) => p.id !== made.id) as Portfolio;
    const whole = (await demo.api.get<{ throughput: number }>(`/api/v1/capacity?portfolioId=${seeded.id}`)).body;
    expect(capacity.throughput).toBeGreaterThan(0);
    expect(capacity.throughput).toBeLessThan(whole.throughput);
    expect(await tab.figureMismatches(keys.analyst)).toEqual([]);

    // Its tile on the overview too, over the overview's window.
    const overview = await demo.open('/', keys.analyst);
    try {
      const tile = `[data-panel="portfolio-${made.id}"]`;
      expect(await overview.page.textContent(`${tile} h2`)).toBe(RENAMED);
      const query = new URLSearchParams(overview.url().search);
      query.set('portfolioId', made.id);
      const answer = (await demo.api.get<{ throughput: number }>(`/api/v1/capacity?${query.toString()}`)).body;
      expect(Number(await overview.page.getAttribute(`${tile} [data-figure="capacity.throughput"]`, 'data-value'))).toBe(answer.throughput);
      expect(await overview.figureMismatches(keys.analyst)).toEqual([]);
      expect(overview.consoleErrors).toEqual([]);
    } finally {
      await overview.close();
    }
  });

  it("refuses a bad owner e-mail with the API's reason, on a new portfolio and on an edit, and saves nothing", async () => {
    const before = await portfolios();
    const body = { name: 'Refused', teamIds: [pay.id], boardIds: [], owners: [OWNER, 'not-an-e-mail'] };
    const refused = await demo.api.post<ApiErrorBody>('/api/v1/portfolios', body);
    expect(refused.status).toBe(400);
    const detail = refused.body.error.details.find((d) => d.path === 'owners.1') as { path: string; message: string };
    expect(detail).toBeDefined();
    const reason = (text: string | null) => {
      expect(text).toContain(refused.body.error.message);
      expect(text).toContain(`${detail.path}: ${detail.message}`);
    };

    await tab.page.click('button:has-text("New portfolio")');
    await tab.page.fill('input[name="name"]', 'Refused');
    await tab.page.fill('input[name="owners"]', `${OWNER}, not-an-e-mail`);
    await tab.page.check(`input[name="team-${pay.id}"]`);
    await save();
    reason(await (await tab.page.waitForSelector('[role="alert"]')).textContent());
    expect((await portfolios()).map(fields)).toEqual(before.map(fields));
    // The half-typed portfolio stays in the form to be corrected.
    expect(await tab.page.inputValue('input[name="name"]')).toBe('Refused');

    await tab.page.click(`[aria-label="Portfolio list"] button:has-text("${RENAMED}")`);
    await tab.settled();
    expect(await tab.page.$('[role="alert"]')).toBeNull();
    await tab.page.fill('input[name="owners"]', 'not-an-e-mail');
    await save();
    const alert = await tab.page.waitForSelector('[role="alert"]');
    expect(await alert.textContent()).toContain(refused.body.error.message);
    expect(await alert.textContent()).toContain('owners.0: must be an e-mail address');
    expect(fields((await demo.api.get<Portfolio>(`/api/v1/portfolios/${made.id}`)).body)).toEqual({ id: made.id, name: RENAMED, teamIds: [pay.id], boardIds: ['OPS'], owners: [OWNER] });
    expect((await portfolios()).map(fields)).toEqual(before.map(fields));
    expect(tab.consoleErrors.filter((e) => !/400/.test(e))).toEqual([]);
    await tab.screenshot('portfolio-refused');
  });

  it('shows a viewer the portfolios and their figures, and no control to change them', async () => {
    const viewer = await demo.open('/portfolios', keys.viewer);
    try {
      await viewer.page.click(`[aria-label="Portfolio list"] button:has-text("${RENAMED}")`);
      await viewer.settled();
      expect(await viewer.page.inputValue('input[name="name"]')).toBe(RENAMED);
      for (const control of ['New portfolio', 'Save portfolio', 'Delete portfolio']) expect(await viewer.page.$(`button:has-text("${control}")`)).toBeNull();
      const enabled = await viewer.page.$$eval('form[aria-label="Portfolio"] input', (inputs) => inputs.filter((i) => !(i as unknown as { matches(s: string): boolean }).matches(':disabled')).length);
      expect(enabled).toBe(0);
      expect(await viewer.page.$(`[data-query="portfolioId=${made.id}"] [data-figure="capacity.throughput"]`)).not.toBeNull();
      expect(await viewer.figureMismatches(keys.viewer)).toEqual([]);
      const denied = await demo.api.withToken(keys.viewer).put<ApiErrorBody>(`/api/v1/portfolios/${made.id}`, { name: 'Viewer edit', teamIds: [pay.id] });
      expect(denied.status).toBe(403);
      expect(viewer.consoleErrors).toEqual([]);
      await viewer.screenshot('portfolio-viewer');
    } finally {
      await viewer.close();
    }
  });
});
