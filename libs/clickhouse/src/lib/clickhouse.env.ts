import type { BaseEnv, ClickhouseEnv } from '@flowlens/config';
import type { ClickHouseOptions } from './clickhouse.store';

export function clickHouseOptionsFromEnv(env: ClickhouseEnv & Pick<BaseEnv, 'FLOWLENS_DATA_DIR'>): ClickHouseOptions {
  return {
    ...(env.CLICKHOUSE_URL ? { url: env.CLICKHOUSE_URL } : {}),
    user: env.CLICKHOUSE_USER,
    password: env.CLICKHOUSE_PASSWORD,
    database: env.CLICKHOUSE_DATABASE,
    dataDir: env.FLOWLENS_DATA_DIR,
  };
}
