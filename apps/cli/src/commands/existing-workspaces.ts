import { DataSource } from 'typeorm';
import { createDataSourceOptions, persistenceOptionsFromEnv, runPostgresMigrations } from '@flowlens/persistence';
import type { CliEnv } from '../cli.env';

/** The ids of the workspaces that exist now: a rebuild skips log records of deleted (purged) ones. */
export async function existingWorkspaceIds(env: CliEnv): Promise<ReadonlySet<string>> {
  const db = new DataSource(createDataSourceOptions(persistenceOptionsFromEnv(env)));
  await db.initialize();
  try {
    if (env.MIGRATE_ON_START) await runPostgresMigrations(db);
    const rows: Array<{ id: string }> = await db.query('SELECT id FROM workspaces');
    return new Set(rows.map((r) => r.id));
  } finally {
    await db.destroy();
  }
}
