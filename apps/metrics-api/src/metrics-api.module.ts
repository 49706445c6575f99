import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@flowlens/audit';
import { ApiKeyRateLimitModule, AuthModule } from '@flowlens/auth';
import { ClickHouseModule, clickHouseOptionsFromEnv } from '@flowlens/clickhouse';
import { AdminModule } from '@flowlens/feature-admin';
import { AlertDeliveryModule, alertDeliveryOptionsFromEnv } from '@flowlens/feature-alert-delivery';
import { AlertFiguresModule } from '@flowlens/feature-alert-figures';
import { AlertingModule } from '@flowlens/feature-alerting';
import { QueryApiModule } from '@flowlens/feature-query-api';
import { PersistenceModule, persistenceOptionsFromEnv } from '@flowlens/persistence';
import { DashboardModule, HealthModule, LoggingModule, PublicUrlModule } from '@flowlens/platform';
import type { MetricsApiEnv } from './metrics-api.env';

@Module({})
export class MetricsApiModule {
  static register(env: MetricsApiEnv): DynamicModule {
    return {
      module: MetricsApiModule,
      imports: [
        LoggingModule.forRoot({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, service: 'metrics-api' }),
        HealthModule,
        PublicUrlModule.forRoot({ publicUrl: env.FLOWLENS_PUBLIC_URL, trustProxy: env.TRUST_PROXY }),
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env)),
        ClickHouseModule.forRoot({ ...clickHouseOptionsFromEnv(env), migrateOnStart: env.MIGRATE_ON_START }),
        AuthModule.forRoot({ adminToken: env.FLOWLENS_ADMIN_TOKEN }),
        ApiKeyRateLimitModule.forRoot({ perMinute: env.RATE_LIMIT_PER_MINUTE }),
        AuditModule,
        AdminModule,
        QueryApiModule,
        AlertDeliveryModule.forRoot({ ...alertDeliveryOptionsFromEnv(env), api: true, dispatch: false }),
        // Rules, alerts, evaluate and back-test; the schedule runs in the alerting service.
        AlertingModule.forRoot({ intervalMs: 60_000, publicUrl: env.FLOWLENS_PUBLIC_URL, api: true, schedule: false, observer: AlertFiguresModule }),
        DashboardModule.forRoot(),
      ],
    };
  }
}
