// The risk roll-up per team and per portfolio through the real pipeline (Jira webhooks -> log ->
// chDB -> /risk/summary, teams and portfolios on PostgreSQL): a team or portfolio reads as the
// union of its boards, and its level and reasons follow docs/metrics-reference.md "Roll-up level".
// The expected answers are worked out by hand from the events below.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ApiClient, AppProcess, createTestDatabase, eventually, setUpWorkspace } from '@flowlens/testing';
import { issueCreated, issueTransitioned, jiraFixture, signJira } from '../support/jira-webhooks';

const ADMIN = 'admin-token-for-rollup-tests-0123';
const SECRET = 'jira-secret-for-rollup-tests';
const DAY = 86_400_000;

interface Subject { id: string; name: string; level: string; reasons: string[]; counts: Record<string, number> }
interface Summary { by: string; items: Subject[] }

describe('risk roll-up per team and portfolio through the HTTP API', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-rollup-e2e-'));
  let database: Awaited<ReturnType<typeof createTestDatabase>>;
  let app: AppProcess;
  let client: ApiClient;
  let webhookPath = '';
  let teamA = '';
  let teamB = '';
  let portfolio = '';
  const now = Date.now();
  let changelog = 60_000;

  const send = async (payload: object) => {
    const body = JSON.stringify(payload);
    const response = await new ApiClient(app.url).post(webhookPath, body, { 'content-type': 'application/json', 'x-hub-signature': signJira(body, SECRET) });
    expect(response.status).toBe(202);
  };
  /** The recorded payloads carry a due date; these issues have none unless given. */
  const withDueDate = (payload: Record<string, unknown>, dueDate: string | null) => {
    ((payload['issue'] as Record<string, unknown>)['fields'] as Record<string, unknown>)['duedate'] = dueDate;
    return payload;
  };
  const create = (n: number, at: number, project: string, dueDate: string | null = null) => send(withDueDate(issueCreated(n, at, { project }), dueDate));
  const move = (n: number, at: number, from: 'To Do' | 'In Progress', to: 'In Progress' | 'Done', project: string) => send(withDueDate(issueTransitioned(n, at, from, to, changelog++, { project }), null));
  /** Issue `blocker` blocks issue `dependent` (Jira "Blocks": the link's source blocks its destination). */
  const blocks = (linkId: number, blocker: number, dependent: number, at: number) => {
    const payload = jiraFixture('issuelink-created');
    return send({ ...payload, timestamp: at, issueLink: { ...(payload['issueLink'] as object), id: linkId, sourceIssueId: String(20000 + blocker), destinationIssueId: String(20000 + dependent) } });
  };
  const summary = async (query: string) => {
    const response = await client.get<Summary>(`/api/v1/risk/summary?${query}`);
    expect(response.status).toBe(200);
    return response.body.items;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await AppProcess.start('standalone', { DATABASE_URL: database.url, FLOWLENS_DATA_DIR: dataDir, FLOWLENS_ADMIN_TOKEN: ADMIN, FLOWLENS_DEMO: 'false' });
    await app.waitReady();
    const ws = await setUpWorkspace(new ApiClient(app.url), ADMIN, { type: 'jira', secret: SECRET });
    ({ client } = ws);
    webhookPath = ws.connector.webhookPath;
    // KAN: five items done with a cycle time of one day (SLE 1 day), KAN-6 in progress for 5 days.
    for (let n = 1; n <= 5; n++) {
      await create(n, now - 20 * DAY, 'KAN');
      await move(n, now - 10 * DAY, 'To Do', 'In Progress', 'KAN');
      await move(n, now - 9 * DAY, 'In Progress', 'Done', 'KAN');
    }
    await create(6, now - 20 * DAY, 'KAN');
    await move(6, now - 5 * DAY, 'To Do', 'In Progress', 'KAN');
    // OPS-11 in progress for half a day (younger than the workspace SLE it falls back to), OPS-12 to do;
    // WEB-21 to do and past its due date (P(on time) 0).
    await create(11, now - 3 * DAY, 'OPS');
    await move(11, now - DAY / 2, 'To Do', 'In Progress', 'OPS');
    await create(12, now - 3 * DAY, 'OPS');
    await create(21, now - 3 * DAY, 'WEB', new Date(now - 2 * DAY).toISOString().slice(0, 10));
    await blocks(70001, 12, 6, now - 2 * DAY); // OPS-12 blocks KAN-6: across teams
    await blocks(70002, 21, 11, now - 2 * DAY); // WEB-21 blocks OPS-11: inside team B
    const team = async (name: string, boardIds: string[]) => (await client.post<{ id: string }>('/api/v1/teams', { name, boardIds, members: [{ name: `${name} lead`, fte: 1 }] })).body.id;
    teamA = await team('Alpha', ['KAN']);
    teamB = await team('Beta', ['OPS', 'WEB']);
    // The portfolio holds team A and, of its own, board WEB (team B's): its boards are KAN and WEB.
    portfolio = (await client.post<{ id: string }>('/api/v1/portfolios', { name: 'Core', teamIds: [teamA], boardIds: ['WEB'] })).body.id;
    await eventually(() => client.get<{ items: unknown[] }>('/api/v1/risk/dependencies'), (r) => r.status === 200 && r.body.items.length === 2, { what: 'both links projected' });
  }, 120_000);

  afterAll(async () => {
    await app?.stop('SIGTERM');
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const counts = (c: Partial<Record<string, number>>) => ({ aging: 0, blocked: 0, dueDate: 0, releasesAtRisk: 0, dependencies: 0, concentration: 0, ...c });

  it('rolls boards up by the documented rule', async () => {
    expect(await summary('by=board')).toEqual([
      { id: 'KAN', name: 'KAN', level: 'high', reasons: ['100% of WIP is older than its SLE'], counts: counts({ aging: 1, dependencies: 1 }) },
      { id: 'OPS', name: 'OPS', level: 'medium', reasons: ['1 open dependenc(ies)'], counts: counts({ dependencies: 1 }) },
      { id: 'WEB', name: 'WEB', level: 'medium', reasons: ['1 item(s) likely to miss their due date'], counts: counts({ dueDate: 1 }) },
    ]);
  });

  it('rolls a team and a portfolio up as the union of their boards', async () => {
    expect(await summary('by=team')).toEqual([
      { id: teamA, name: 'Alpha', level: 'high', reasons: ['100% of WIP is older than its SLE'], counts: counts({ aging: 1, dependencies: 1 }) },
      { id: teamB, name: 'Beta', level: 'medium', reasons: ['1 item(s) likely to miss their due date', '1 open dependenc(ies)'], counts: counts({ dueDate: 1, dependencies: 1 }) },
    ]);
    // KAN's aging item is the portfolio's only item in progress: 1 of 1 is over 30%, so high, and
    // the lesser signals (WEB-21's due date, KAN-6's dependency) are counted but give no reason.
    expect(await summary('by=portfolio')).toEqual([{ id: portfolio, name: 'Core', level: 'high', reasons: ['100% of WIP is older than its SLE'], counts: counts({ aging: 1, dueDate: 1, dependencies: 1 }) }]);
  });

  it('reads teamId and portfolioId on the roll-up and the signal endpoints as the union of their boards', async () => {
    expect((await summary(`by=board&teamId=${teamB}`)).map((s) => s.id)).toEqual(['OPS', 'WEB']);
    expect((await summary(`by=board&portfolioId=${portfolio}`)).map((s) => s.id)).toEqual(['KAN', 'WEB']);
    const deps = async (query: string) => (await client.get<{ items: Array<{ itemKey: string; crossTeam: boolean }> }>(`/api/v1/risk/dependencies?${query}`)).body.items;
    expect(await deps(`teamId=${teamB}`)).toEqual([expect.objectContaining({ itemKey: 'OPS-11', crossTeam: false })]);
    expect(await deps(`portfolioId=${portfolio}`)).toEqual([expect.objectContaining({ itemKey: 'KAN-6', crossTeam: true })]);
    const items = async (query: string) => (await client.get<{ items: Array<{ itemKey: string; signals: string[] }> }>(`/api/v1/risk/items?${query}`)).body.items.map((i) => [i.itemKey, i.signals]);
    expect(await items(`portfolioId=${portfolio}`)).toEqual([['KAN-6', ['aging', 'dependency']], ['WEB-21', ['due-date']]]);
    expect(await items(`teamId=${teamB}`)).toEqual([['OPS-11', ['dependency']], ['WEB-21', ['due-date']]]);
    expect(await items(`teamId=${teamA}&portfolioId=${portfolio}&boardId=WEB`)).toEqual([]);
  });
});
