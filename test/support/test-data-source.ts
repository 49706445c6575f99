import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@flowlens/persistence';
import { createTestDatabase } from '@flowlens/testing';

export type TestDatabaseKind = 'pg' | 'pglite';

export interface TestDataSource {
  readonly db: DataSource;
  /** Closes the connection and removes the database (the PostgreSQL database or the PGlite directory). */
  close(): Promise<void>;
}

/** An initialised (not yet migrated) DataSource on a fresh PostgreSQL test database or a throwaway PGlite directory. */
export async function openTestDataSource(kind: TestDatabaseKind): Promise<TestDataSource> {
  let db: DataSource;
  let remove: () => Promise<void>;
  if (kind === 'pg') {
    const database = await createTestDatabase();
    db = new DataSource(createDataSourceOptions({ url: database.url, dataDir: '', poolSize: 4, migrateOnStart: true }));
    remove = database.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'flowlens-pglite-'));
    db = new DataSource(createDataSourceOptions({ dataDir: dir, poolSize: 1, migrateOnStart: true }));
    remove = async () => rmSync(dir, { recursive: true, force: true });
  }
  await db.initialize();
  return {
    db,
    async close() {
      if (db.isInitialized) await db.destroy();
      await remove();
    },
  };
}
