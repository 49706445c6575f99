import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  AcceptedEventIdRepository,
  ConnectorCache,
  ConnectorRepository,
  MIGRATIONS,
  runPostgresMigrations,
  SecretCipher,
  WorkflowMapRepository,
  WorkspaceRepository,
} from '@flowlens/persistence';
import { openTestDataSource, type TestDatabaseKind, type TestDataSource } from '../support/test-data-source';

const key = (prefix: string) => ({ name: 'default', prefix, keyHash: 'a'.repeat(64), role: 'admin' as const });

describe.each<[string, TestDatabaseKind]>([
  ['PostgreSQL server', 'pg'],
  ['PGlite', 'pglite'],
])('persistence on %s', (_name, kind) => {
  let source: TestDataSource;
  let db: DataSource;

  beforeAll(async () => {
    source = await openTestDataSource(kind);
    db = source.db;
  });
  afterAll(async () => {
    await source.close();
  });

  it('migrates up, down and up again, recording each migration once', async () => {
    expect((await runPostgresMigrations(db)).map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    expect(await runPostgresMigrations(db)).toEqual([]);
    for (const _ of MIGRATIONS) await db.undoLastMigration();
    const tables = await db.query(`SELECT table_name FROM information_schema.tables WHERE table_name IN ('workspaces', 'dead_letters', 'import_jobs')`);
    expect(tables).toHaveLength(0);
    expect(await runPostgresMigrations(db)).toHaveLength(MIGRATIONS.length);
  });

  it('creates a workspace and its first key in one statement; a clashing key creates neither', async () => {
    const workspaces = new WorkspaceRepository(db);
    const ws = await workspaces.create({ name: 'Acme', timezone: 'Europe/Berlin', firstKey: key(`p-${kind}-1`) });
    expect(ws).toMatchObject({ name: 'Acme', timezone: 'Europe/Berlin' });
    expect(await workspaces.findById(ws.id)).toMatchObject({ id: ws.id });
    const before = (await workspaces.list()).length;
    await expect(workspaces.create({ name: 'Dup', timezone: 'UTC', firstKey: key(`p-${kind}-1`) })).rejects.toThrow();
    expect((await workspaces.list()).length).toBe(before);
  });

  it('answers which event ids were accepted, at once after recording them and after a restart', async () => {
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const running = new AcceptedEventIdRepository(db);
    expect(await running.known(ids)).toEqual(new Set());
    await running.record(ids.slice(0, 2));
    expect(await running.known(ids)).toEqual(new Set(ids.slice(0, 2)));
    // A new repository is what a restarted process has (on PGlite: its in-memory copy loads then).
    const restarted = new AcceptedEventIdRepository(db);
    const upper = ids.map((id) => id.toUpperCase());
    expect(await restarted.known(upper)).toEqual(new Set(upper.slice(0, 2)));
  });

  it('stores connector secrets sealed and returns them opened', async () => {
    const ws = await new WorkspaceRepository(db).create({ name: 'C', timezone: 'UTC', firstKey: key(`p-${kind}-2`) });
    const connectors = new ConnectorRepository(db, new SecretCipher('test-key'), new ConnectorCache());
    const created = await connectors.create({ workspaceId: ws.id, type: 'jira', name: 'Jira', secret: 'hush', tokenHash: 'b'.repeat(64), callbackUrl: null, settings: { storyPointsField: 'customfield_10016' } });
    const [raw] = await db.query(`SELECT secret_sealed FROM connectors WHERE id = $1`, [created.id]);
    expect(raw.secret_sealed).not.toContain('hush');
    expect(await connectors.findById(created.id)).toMatchObject({ secret: 'hush', settings: { storyPointsField: 'customfield_10016' } });
    expect(await connectors.findById('not-a-uuid')).toBeNull();
  });

  it('keeps every workflow map version and returns the latest per board', async () => {
    const ws = await new WorkspaceRepository(db).create({ name: 'W', timezone: 'UTC', firstKey: key(`p-${kind}-3`) });
    const maps = new WorkflowMapRepository(db);
    const stages = [{ name: 'Doing', category: 'active' as const, statuses: ['In Progress'] }];
    await maps.saveVersion(ws.id, 'KAN', stages, 'alice');
    const v2 = await maps.saveVersion(ws.id, 'KAN', [...stages, { name: 'Done', category: 'done' as const, statuses: ['Done'] }], 'bob');
    await maps.saveVersion(ws.id, 'OPS', stages, 'alice');
    expect(v2.version).toBe(2);
    const latest = await maps.latest(ws.id);
    expect(latest.map((m) => [m.boardId, m.version, m.changedBy])).toEqual([
      ['KAN', 2, 'bob'],
      ['OPS', 1, 'alice'],
    ]);
    expect((await maps.history(ws.id, 'KAN')).map((m) => m.version)).toEqual([2, 1]);
  });
});
