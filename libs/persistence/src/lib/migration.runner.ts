import type { DataSource, Migration } from 'typeorm';

// Any constant works; it only has to be the same in every Flowlens process.
const MIGRATION_LOCK = 7243001;

/**
 * Runs pending migrations under a Postgres advisory lock, so apps starting together against one
 * database don't race to apply the same migration.
 */
export async function runPostgresMigrations(db: DataSource): Promise<Migration[]> {
  const runner = db.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await db.runMigrations({ transaction: 'each' });
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await runner.release();
  }
}
