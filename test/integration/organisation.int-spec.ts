// Teams and portfolios in the real PostgreSQL server and in PGlite: a board belongs to one team,
// deleting a team takes it out of its portfolios, workspaces never see each other's; and the
// CLI's `import teams` against the server, with a readable line per bad row.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamSchema } from '@flowlens/capacity';
import { BoardOwnedError, PortfolioRepository, runPostgresMigrations, TeamRepository, UnknownTeamsError, WorkspaceRepository } from '@flowlens/persistence';
import { createTestDatabase, runToExit } from '@flowlens/testing';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@flowlens/persistence';
import { openTestDataSource, type TestDatabaseKind } from '../support/test-data-source';

const team = (name: string, boardIds: string[]) => teamSchema.parse({ name, boardIds, members: [{ name: 'Ada', fte: 1 }] });
const newWorkspace = (workspaces: WorkspaceRepository, name: string) => workspaces.create({ name, timezone: 'UTC', firstKey: { name: 'k', prefix: `p${Math.random().toString(36).slice(2, 10)}`, keyHash: Math.random().toString(36), role: 'admin' } });

describe.each<TestDatabaseKind>(['pg', 'pglite'])('teams and portfolios on %s', (kind) => {
  let close: () => Promise<void>;
  let teams: TeamRepository;
  let portfolios: PortfolioRepository;
  let workspaces: WorkspaceRepository;

  beforeAll(async () => {
    const source = await openTestDataSource(kind);
    close = source.close;
    await runPostgresMigrations(source.db);
    teams = new TeamRepository(source.db);
    portfolios = new PortfolioRepository(source.db);
    workspaces = new WorkspaceRepository(source.db);
  });
  afterAll(() => close());

  it('lets a board belong to one team of a workspace only, in another workspace again', async () => {
    const a = await newWorkspace(workspaces, 'A');
    const b = await newWorkspace(workspaces, 'B');
    const kan = await teams.create(a.id, team('Kan', ['KAN', 'OPS']));
    await expect(teams.create(a.id, team('Twin', ['OPS']))).rejects.toBeInstanceOf(BoardOwnedError);
    expect(await teams.list(a.id)).toHaveLength(1);
    await teams.create(b.id, team('Elsewhere', ['KAN']));
    // A team may keep its own boards on replace, and free them for others.
    expect((await teams.replace(a.id, kan.id, team('Kan', ['KAN'])))?.boardIds).toEqual(['KAN']);
    await teams.create(a.id, team('Ops', ['OPS']));
    expect(await teams.find(b.id, kan.id)).toBeNull();
    expect(await teams.replace(b.id, kan.id, team('Hijack', ['X']))).toBeNull();
  });

  it('keeps portfolio teams in order, refuses unknown teams, and drops a deleted team', async () => {
    const ws = await newWorkspace(workspaces, 'P');
    const other = await newWorkspace(workspaces, 'Q');
    const x = await teams.create(ws.id, team('X', ['X1']));
    const y = await teams.create(ws.id, team('Y', ['Y1']));
    const foreign = await teams.create(other.id, team('F', ['F1']));
    const p = await portfolios.create(ws.id, { name: 'P', teamIds: [y.id, x.id], boardIds: ['LOOSE'], owners: ['a@example.com'] });
    expect((await portfolios.find(ws.id, p.id))?.teamIds).toEqual([y.id, x.id]);
    await expect(portfolios.create(ws.id, { name: 'Bad', teamIds: [foreign.id], boardIds: [], owners: [] })).rejects.toBeInstanceOf(UnknownTeamsError);
    expect(await teams.delete(ws.id, y.id)).toBe(true);
    expect((await portfolios.find(ws.id, p.id))?.teamIds).toEqual([x.id]);
    expect(await portfolios.find(other.id, p.id)).toBeNull();
    expect(await portfolios.delete(ws.id, p.id)).toBe(true);
    expect(await portfolios.list(ws.id)).toEqual([]);
  });
});

describe('flowlens import teams', () => {
  const dir = mkdtempSync(join(tmpdir(), 'flowlens-teams-csv-'));
  let database: { url: string; drop: () => Promise<void> };
  let db: DataSource;
  let workspaceId = '';
  const header = 'team,boards,working_days,holidays,focus_factor,cost_per_fte_day,currency,target_mix,member,account_id,fte,from,to,absent_from,absent_to,absent_fraction';
  const cli = (file: string) => runToExit('cli', ['import', 'teams', file, '--workspace', workspaceId], { DATABASE_URL: database.url, FLOWLENS_DATA_DIR: dir, LOG_LEVEL: 'warn' });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = new DataSource(createDataSourceOptions({ url: database.url, dataDir: '', poolSize: 2, migrateOnStart: true }));
    await db.initialize();
    await runPostgresMigrations(db);
    workspaceId = (await newWorkspace(new WorkspaceRepository(db), 'CSV')).id;
  });
  afterAll(async () => {
    await db.destroy();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports good files (creating, then replacing by name) and refuses bad ones row by row, writing nothing', async () => {
    const good = join(dir, 'good.csv');
    writeFileSync(good, [header, 'Payments,PAY,,2024-12-25,0.8,600,EUR,,Priya,acc-1,1,,,2024-04-01,2024-04-03,', 'Payments,,,,,,,,Marco,,0.5,,,,,', 'Web,WEB,,,,,,,Chloé,,1,,,,,'].join('\n'));
    const first = await cli(good);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('2 created, 0 replaced');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, [header, 'Payments,PAY,,,,,,,Priya,,1.5,,,,,', 'Ops,OPS,,,,,,,Cy,,1,,,2024-04-01,2024-03-01,'].join('\n'));
    const refused = await cli(bad);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr.trim().split('\n')).toEqual([
      `flowlens: ${bad}: row 2: members.fte: must be ≤ 1 (team Payments)`,
      `flowlens: ${bad}: row 3: absences.from: from must not be after to (team Ops)`,
      `flowlens: 2 problem(s) in ${bad}; no team was imported`,
    ]);
    const taken = join(dir, 'taken.csv');
    writeFileSync(taken, [header, 'Payments,PAY,,,1,,,,Priya,,0.5,,,,,', 'Thief,WEB,,,,,,,Ed,,1,,,,,'].join('\n'));
    const partly = await cli(taken);
    expect(partly.code).not.toBe(0);
    expect(partly.stdout).toContain('0 created, 1 replaced');
    expect(partly.stderr).toMatch(/row 3: board WEB already belongs to team/);
    const stored = await new TeamRepository(db).list(workspaceId);
    expect(stored.map((t) => [t.name, t.members.map((m) => m.fte), t.focusFactor])).toEqual([['Payments', [0.5], 1], ['Web', [1], 1]]);
    expect((await cli(join(dir, 'missing.csv'))).stderr).toMatch(/cannot read .*missing.csv: ENOENT/);
  });
});
