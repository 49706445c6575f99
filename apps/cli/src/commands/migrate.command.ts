import { DataSource } from 'typeorm';
import { ClickHouseStore, clickHouseOptionsFromEnv, migrateClickHouse } from '@flowlens/clickhouse';
import { createDataSourceOptions, persistenceOptionsFromEnv, runPostgresMigrations } from '@flowlens/persistence';
import type { CliEnv } from '../cli.env';

/** Applies pending PostgreSQL (TypeORM) and ClickHouse (numbered SQL) migrations. */
export async function migrateCommand(env: CliEnv): Promise<void> {
  const db = new DataSource(createDataSourceOptions(persistenceOptionsFromEnv(env)));
  await db.initialize();
  try {
    const applied = await runPostgresMigrations(db);
    console.log(`postgres: ${applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'up to date'}`);
  } finally {
    await db.destroy();
  }
  const store = new ClickHouseStore(clickHouseOptionsFromEnv(env));
  try {
    const applied = await migrateClickHouse(store);
    console.log(`clickhouse (${store.mode}): ${applied.length ? `applied ${applied.map((m) => m.name).join(', ')}` : 'up to date'}`);
  } finally {
    await store.close();
  }
}
