import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLICKHOUSE_MIGRATIONS_DIR, migrateClickHouse } from './clickhouse.migrator';
import { ClickHouseStore } from './clickhouse.store';
import { TABLES } from './tables';

describe('ClickHouseStore on the chDB engine', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'flowlens-ch-'));
  const store = new ClickHouseStore({ user: 'default', password: '', database: 'flowlens_it', dataDir });

  afterAll(async () => {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies the numbered migrations once and records them; a delivery stored with its body (before 007) stays, without it', async () => {
    const upTo006 = mkdtempSync(join(tmpdir(), 'flowlens-mig-'));
    cpSync(CLICKHOUSE_MIGRATIONS_DIR, upTo006, { recursive: true });
    for (const later of readdirSync(upTo006).filter((name) => Number(name.slice(0, 3)) > 6)) rmSync(join(upTo006, later));
    const first = await migrateClickHouse(store, upTo006);
    rmSync(upTo006, { recursive: true, force: true });
    expect(first.map((m) => m.name)).toContain('001-initial-schema.sql');
    const delivery = { workspace_id: 'w', connector_id: 'c', source: 'jira', delivery_id: 'd1', received_at: '2026-12-08T00:00:00.000Z', outcome: 'accepted', note: '', event_ids: ['e1'], headers: {} };
    await store.insert(TABLES.rawWebhooks, [{ ...delivery, body: '{"webhookEvent":"jira:issue_created"}' }]);

    const rest = await migrateClickHouse(store);
    expect(rest.map((m) => m.name)).toContain('007-raw-webhooks-without-body.sql');
    expect(await migrateClickHouse(store)).toEqual([]);
    const recorded = await store.query<{ version: number }>(`SELECT version FROM ${store.table(TABLES.schemaMigrations)} ORDER BY version`);
    expect(recorded.map((r) => Number(r.version))).toEqual([...first, ...rest].map((m) => m.version));
    const columns = await store.query<{ name: string }>(`SELECT name FROM system.columns WHERE database = {db:String} AND table = 'raw_webhooks'`, { db: store.database });
    expect(columns.map((c) => c.name)).not.toContain('body');
    expect(await store.query(`SELECT delivery_id, outcome, event_ids FROM ${store.table(TABLES.rawWebhooks)}`)).toEqual([{ delivery_id: 'd1', outcome: 'accepted', event_ids: ['e1'] }]);
  });

  it('refuses a migration edited after it was applied', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlens-mig-'));
    cpSync(CLICKHOUSE_MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '001-initial-schema.sql'), '-- edited\nSELECT 1;\n');
    await expect(migrateClickHouse(store, dir)).rejects.toThrow(/001-initial-schema.sql was edited/);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses two migration files with the same number before applying anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowlens-mig-'));
    cpSync(CLICKHOUSE_MIGRATIONS_DIR, dir, { recursive: true });
    writeFileSync(join(dir, '002-another-change.sql'), 'CREATE TABLE {db}.must_not_exist (x UInt8) ENGINE = Memory;\n');
    await expect(migrateClickHouse(store, dir)).rejects.toThrow(/two files have version 2/);
    expect(await store.query(`SELECT name FROM system.tables WHERE database = {db:String} AND name = 'must_not_exist'`, { db: store.database })).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('unions timeline entries across inserts, collapsing duplicates', async () => {
    const e = (at: number, kind: string, val: string) => ({ at, seq: 0, recv: at + 5, id: 42 + at, kind, val });
    await store.insert(TABLES.itemTimelines, [{ workspace_id: 'w', item_id: 'i1', entries: [e(1, 'status', 'A'), e(2, 'status', 'B')] }]);
    await store.insert(TABLES.itemTimelines, [{ workspace_id: 'w', item_id: 'i1', entries: [e(2, 'status', 'B'), e(3, 'status', 'C')] }]);
    const rows = await store.query<{ item_id: string; kinds: string[]; ats: string[] }>(
      `SELECT item_id, arrayMap(x -> x.val, arraySort(x -> x.at, groupUniqArrayArray(entries))) AS kinds,
              arrayMap(x -> toString(x.at), arraySort(x -> x.at, groupUniqArrayArray(entries))) AS ats
       FROM ${store.table(TABLES.itemTimelines)} WHERE workspace_id = {ws:String} GROUP BY item_id`,
      { ws: 'w' },
    );
    expect(rows).toEqual([{ item_id: 'i1', kinds: ['A', 'B', 'C'], ats: ['1', '2', '3'] }]);
  });

  it('keeps one event per event_id after FINAL', async () => {
    const row = { workspace_id: 'w', event_id: 'e1', type: 'WorkItemCreated', source: 'jira', connector_id: 'c', source_event_id: 's', board_id: 'KAN', item_id: 'i', item_key: 'KAN-1', occurred_at: '2024-01-15T10:23:45.123Z', received_at: '2024-01-15T10:23:46.000Z', sequence: 0, schema_version: 1, payload: '{}' };
    await store.insert(TABLES.workItemEvents, [row]);
    await store.insert(TABLES.workItemEvents, [row]);
    const [count] = await store.query<{ n: number; at: string }>(
      `SELECT count() AS n, any(toString(occurred_at)) AS at FROM ${store.table(TABLES.workItemEvents)} FINAL WHERE workspace_id = 'w'`,
    );
    expect(count).toEqual({ n: 1, at: '2024-01-15 10:23:45.123' });
  });

  it("moves a table's data version on every write to it, and only then", async () => {
    const version = () => store.dataVersion([TABLES.deadLetters]);
    const before = await version();
    const other = await store.dataVersion([TABLES.itemTimelines]);
    await store.command(`CREATE DATABASE IF NOT EXISTS flowlens_it_scratch ENGINE = Memory`);
    expect(await version()).toBe(before);
    const row = { workspace_id: 'w', delivery_id: 'd1', connector_id: 'c', source: 'jira', received_at: '2024-01-15T10:23:46.000Z', reason: 'r', body: '{}', status: 'open', updated_at: '2024-01-15T10:23:46.000Z' };
    await store.insert(TABLES.deadLetters, [row]);
    const inserted = await version();
    expect(inserted).not.toBe(before);
    expect(await store.dataVersion([TABLES.itemTimelines])).toBe(other);
    // A table elsewhere built from this one (the shared evaluation's kind) writes nothing here.
    const scratch = await version();
    await store.command(`CREATE TABLE flowlens_it_scratch.copy ENGINE = Memory EMPTY AS SELECT * FROM ${store.table(TABLES.deadLetters)}`);
    await store.command(`INSERT INTO flowlens_it_scratch.copy SELECT * FROM ${store.table(TABLES.deadLetters)}`);
    expect(await store.query(`SELECT count() AS n FROM flowlens_it_scratch.copy`)).toEqual([{ n: 1 }]);
    await store.command(`DROP TABLE IF EXISTS \`flowlens_it_scratch\`.\`copy\``);
    expect(await version()).toBe(scratch);
    await store.command(`ALTER TABLE ${store.table(TABLES.deadLetters)} DELETE WHERE workspace_id = 'w' SETTINGS mutations_sync = 2`);
    expect(await version()).not.toBe(scratch);
    expect(await store.dataVersion([TABLES.itemTimelines])).toBe(other);
  });

  it('refuses a second chDB data dir in the same process', () => {
    expect(() => new ClickHouseStore({ user: 'default', password: '', database: 'x', dataDir: join(dataDir, 'other') })).toThrow(/already has .* open/);
  });

  it('wraps query errors with a clear message', async () => {
    await expect(store.query('SELECT * FROM no_such_table_anywhere')).rejects.toThrow(/clickhouse query failed/);
  });
});
