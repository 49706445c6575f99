import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ClickHouseError } from './clickhouse.errors';
import type { ClickHouseStore } from './clickhouse.store';
import { TABLES } from './tables';

export const CLICKHOUSE_MIGRATIONS_DIR = join(__dirname, '..', 'migrations');
const FILE = /^(\d{3})-[a-z0-9-]+\.sql$/;

export interface AppliedMigration {
  readonly version: number;
  readonly name: string;
}

/**
 * Applies the numbered `.sql` files in order and records each in a tracking table. An applied
 * file that was edited afterwards is refused: schema changes go in a new file.
 */
export async function migrateClickHouse(store: ClickHouseStore, dir = CLICKHOUSE_MIGRATIONS_DIR): Promise<AppliedMigration[]> {
  const db = `\`${store.database}\``;
  await store.command(`CREATE DATABASE IF NOT EXISTS ${db}`);
  await store.command(
    `CREATE TABLE IF NOT EXISTS ${store.table(TABLES.schemaMigrations)} (
       version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3)
     ) ENGINE = MergeTree ORDER BY version`,
  );
  const applied = new Map(
    (await store.query<{ version: number; checksum: string }>(`SELECT version, checksum FROM ${store.table(TABLES.schemaMigrations)}`)).map((r) => [
      Number(r.version),
      r.checksum,
    ]),
  );
  const done: AppliedMigration[] = [];
  const files = readdirSync(dir).filter((f) => FILE.test(f)).sort();
  const versionOf = (name: string) => Number((FILE.exec(name) as RegExpExecArray)[1]);
  const clash = files.find((name, i) => i > 0 && versionOf(name) === versionOf(files[i - 1] as string));
  if (clash) throw new ClickHouseError(`clickhouse migrations: two files have version ${versionOf(clash)} (${clash}); give each its own number`, 'migration_failed');
  for (const name of files) {
    const version = versionOf(name);
    const sql = readFileSync(join(dir, name), 'utf8');
    const checksum = createHash('sha256').update(sql).digest('hex');
    const previous = applied.get(version);
    if (previous !== undefined) {
      if (previous !== checksum) throw new ClickHouseError(`clickhouse migration ${name} was edited after it was applied`, 'migration_failed');
      continue;
    }
    for (const statement of splitStatements(sql.replaceAll('{db}', db))) {
      try {
        await store.command(statement);
      } catch (error) {
        throw new ClickHouseError(`clickhouse migration ${name} failed: ${(error as Error).message}`, 'migration_failed', error);
      }
    }
    await store.insert(TABLES.schemaMigrations, [{ version, name, checksum }]);
    done.push({ version, name });
  }
  return done;
}

/** Statements end with `;` at the end of a line; `--` comment lines are dropped. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter(Boolean);
}
