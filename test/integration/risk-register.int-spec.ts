// The ROAM register's repository on both databases: a sync writes only differences (and nothing,
// with no version raised, when the signals are unchanged); two repositories on one database (two
// API processes) each reuse their listed register only while its version is the database's, so a
// change made through one is listed by the other at once.
import type { DataSource } from 'typeorm';
import { RiskRepository, runPostgresMigrations, type SignalRef, WorkspaceRepository } from '@flowlens/persistence';
import { openTestDataSource, type TestDatabaseKind, type TestDataSource } from '../support/test-data-source';

const key = (prefix: string) => ({ name: 'default', prefix, keyHash: 'b'.repeat(64), role: 'admin' as const });
const signal = (n: number): SignalRef => ({ riskId: `rk_${String(n).padStart(24, '0')}`, signal: 'aging', subjectType: 'item', subjectId: `KAN-${n}` });
const AT = new Date('2026-12-07T10:00:00.000Z');
const later = (minutes: number) => new Date(AT.getTime() + minutes * 60_000);

describe.each<[string, TestDatabaseKind]>([
  ['PostgreSQL server', 'pg'],
  ['PGlite', 'pglite'],
])('the risk register on %s', (_name, kind) => {
  let source: TestDataSource;
  let db: DataSource;
  let workspaceId: string;
  const version = async () => (await db.query(`SELECT version::text AS v FROM risk_register_versions WHERE workspace_id = $1`, [workspaceId]))[0]?.v as string;
  const updatedAt = async () => (await db.query(`SELECT max(updated_at) AS u FROM risks WHERE workspace_id = $1`, [workspaceId]))[0]?.u as Date;

  beforeAll(async () => {
    source = await openTestDataSource(kind);
    db = source.db;
    await runPostgresMigrations(db);
    workspaceId = (await new WorkspaceRepository(db).create({ name: 'Register', timezone: 'UTC', firstKey: key(`rr-${kind}`) })).id;
  });
  afterAll(async () => {
    await source.close();
  });

  it('adds, closes and reopens by differences, and writes nothing when nothing changed', async () => {
    const a = new RiskRepository(db);
    await a.sync(workspaceId, [signal(1), signal(2), signal(3)], AT);
    expect((await a.list(workspaceId)).map((r) => [r.subjectId, r.open])).toEqual([['KAN-1', true], ['KAN-2', true], ['KAN-3', true]]);
    const v1 = await version();
    const u1 = await updatedAt();

    await a.sync(workspaceId, [signal(1), signal(2), signal(3)], later(5));
    expect(await version()).toBe(v1);
    expect(await updatedAt()).toEqual(u1);

    await a.sync(workspaceId, [signal(1), signal(3)], later(10));
    expect((await a.list(workspaceId)).map((r) => [r.subjectId, r.open])).toEqual([['KAN-1', true], ['KAN-2', false], ['KAN-3', true]]);
    expect(await version()).not.toBe(v1);

    await a.sync(workspaceId, [signal(1), signal(2), signal(3)], later(15));
    const back = (await a.list(workspaceId)).find((r) => r.subjectId === 'KAN-2');
    expect(back?.open).toBe(true);
    expect(back?.history.map((h) => h.open)).toEqual([false, true]);
  });

  it('moves last_seen_at on at most once an hour', async () => {
    const a = new RiskRepository(db);
    const lastSeen = async () => (await db.query(`SELECT last_seen_at AS l FROM risks WHERE workspace_id = $1 AND subject_id = 'KAN-1'`, [workspaceId]))[0]?.l as Date;
    const before = await lastSeen();
    await a.sync(workspaceId, [signal(1), signal(2), signal(3)], later(30));
    expect(await lastSeen()).toEqual(before);
    await a.sync(workspaceId, [signal(1), signal(2), signal(3)], later(90));
    expect(await lastSeen()).toEqual(later(90));
  });

  it('lists a change made through another repository (another process) at once', async () => {
    const a = new RiskRepository(db);
    const b = new RiskRepository(db);
    expect((await a.list(workspaceId)).find((r) => r.subjectId === 'KAN-3')?.roam).toBeNull();
    await b.changeRoam(workspaceId, signal(3).riskId, { roam: 'owned', owner: 'pmo', note: null, by: 'key-1' }, later(100));
    expect((await a.list(workspaceId)).find((r) => r.subjectId === 'KAN-3')).toMatchObject({ roam: 'owned', owner: 'pmo' });
    await b.sync(workspaceId, [signal(1), signal(2)], later(110));
    expect((await a.list(workspaceId)).find((r) => r.subjectId === 'KAN-3')?.open).toBe(false);
    // a synced from its own (now old) states would not know KAN-3 closed: it must read them again.
    await a.sync(workspaceId, [signal(1), signal(2), signal(3)], later(120));
    expect((await b.list(workspaceId)).find((r) => r.subjectId === 'KAN-3')).toMatchObject({ open: true, roam: null });
  });
  it('a sync given the very signals of its last one still reopens what another process closed, and keeps the heartbeat', async () => {
    const a = new RiskRepository(db);
    const b = new RiskRepository(db);
    const lastSeen = async (subject: string) => (await db.query(`SELECT last_seen_at AS l FROM risks WHERE workspace_id = $1 AND subject_id = $2`, [workspaceId, subject]))[0]?.l as Date;
    // The same array of the same references, as listings of a quiet register pass it.
    const present = [signal(1), signal(2), signal(3)];
    await a.sync(workspaceId, present, later(200));
    await a.sync(workspaceId, present, later(201));
    await b.sync(workspaceId, present.slice(0, 2), later(202));
    expect((await b.list(workspaceId)).find((r) => r.subjectId === 'KAN-3')?.open).toBe(false);
    await a.sync(workspaceId, present, later(203));
    expect((await b.list(workspaceId)).find((r) => r.subjectId === 'KAN-3')?.open).toBe(true);
    await a.sync(workspaceId, present, later(204));
    expect(await lastSeen('KAN-1')).toEqual(later(200));
    // More than an hour after KAN-1 was last seen: the same signals must move it on.
    await a.sync(workspaceId, present, later(262));
    expect(await lastSeen('KAN-1')).toEqual(later(262));
    expect(await lastSeen('KAN-3')).toEqual(later(203));
  });
});
