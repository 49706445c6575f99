import { type DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '@flowlens/auth';
import { ClickHouseModule, clickHouseOptionsFromEnv } from '@flowlens/clickhouse';
import { AdminModule } from '@flowlens/feature-admin';
import { QueryApiModule } from '@flowlens/feature-query-api';
import { PersistenceModule, persistenceOptionsFromEnv } from '@flowlens/persistence';
import { DashboardModule, HealthModule, LoggingModule } from '@flowlens/platform';
import type { MetricsApiEnv } from './metrics-api.env';

@Module({})
export class MetricsApiModule {
  static register(env: MetricsApiEnv): DynamicModule {
    return {
      module: MetricsApiModule,
      imports: [
        LoggingModule.forRoot({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, service: 'metrics-api' }),
        HealthModule,
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env)),
        ClickHouseModule.forRoot({ ...clickHouseOptionsFromEnv(env), migrateOnStart: env.MIGRATE_ON_START }),
        AuthModule.forRoot({ adminToken: env.FLOWLENS_ADMIN_TOKEN }),
        AdminModule,
        QueryApiModule,
        DashboardModule.forRoot(),
      ],
    };
  }
}
