import type { BaseEnv, PostgresEnv } from '@flowlens/config';
import type { PersistenceOptions } from './data-source.factory';

export function persistenceOptionsFromEnv(
  env: PostgresEnv & Pick<BaseEnv, 'FLOWLENS_DATA_DIR'> & { FLOWLENS_SECRET_KEY?: string | undefined; MIGRATE_ON_START: boolean },
): PersistenceOptions {
  return {
    ...(env.DATABASE_URL ? { url: env.DATABASE_URL } : {}),
    dataDir: env.FLOWLENS_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    migrateOnStart: env.MIGRATE_ON_START,
    ...(env.FLOWLENS_SECRET_KEY ? { secretKey: env.FLOWLENS_SECRET_KEY } : {}),
  };
}
