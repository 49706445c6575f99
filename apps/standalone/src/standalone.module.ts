import { type DynamicModule, Module } from '@nestjs/common';
import { AuditModule } from '@flowlens/audit';
import { ApiKeyRateLimitModule, AuthModule } from '@flowlens/auth';
import { ClickHouseModule, clickHouseOptionsFromEnv } from '@flowlens/clickhouse';
import { EventLogModule, eventLogOptionsFromEnv } from '@flowlens/event-log';
import { AdminModule } from '@flowlens/feature-admin';
import { AlertDeliveryModule, alertDeliveryOptionsFromEnv } from '@flowlens/feature-alert-delivery';
import { AlertFiguresModule } from '@flowlens/feature-alert-figures';
import { AlertingModule } from '@flowlens/feature-alerting';
import { IngestModule } from '@flowlens/feature-ingest';
import { ImportsModule } from '@flowlens/feature-imports';
import { ProjectorModule } from '@flowlens/feature-projector';
import { QueryApiModule } from '@flowlens/feature-query-api';
import { PersistenceModule, persistenceOptionsFromEnv } from '@flowlens/persistence';
import { DashboardModule, HealthModule, LoggingModule, PublicUrlModule } from '@flowlens/platform';
import type { Role, StandaloneEnv } from './standalone.env';

export interface StandaloneSettings {
  readonly env: StandaloneEnv;
  readonly adminToken: string;
  readonly secretKey: string;
}

/** Every Flowlens part in one process, chosen by role; the same modules the separate apps use. */
@Module({})
export class StandaloneModule {
  static register({ env, adminToken, secretKey }: StandaloneSettings): DynamicModule {
    const has = (role: Role) => env.FLOWLENS_ROLES.includes(role);
    const needsLog = has('gateway') || has('projector');
    const needsClickHouse = has('projector') || has('api') || has('alerting');
    return {
      module: StandaloneModule,
      imports: [
        LoggingModule.forRoot({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, service: 'standalone' }),
        HealthModule,
        PublicUrlModule.forRoot({ publicUrl: env.FLOWLENS_PUBLIC_URL, trustProxy: env.TRUST_PROXY }),
        PersistenceModule.forRoot(persistenceOptionsFromEnv({ ...env, FLOWLENS_SECRET_KEY: secretKey })),
        AuthModule.forRoot({ adminToken }),
        ApiKeyRateLimitModule.forRoot({ perMinute: env.RATE_LIMIT_PER_MINUTE }),
        AuditModule,
        ...(needsLog ? [EventLogModule.forRoot(eventLogOptionsFromEnv(env))] : []),
        ...(needsClickHouse ? [ClickHouseModule.forRoot({ ...clickHouseOptionsFromEnv(env), migrateOnStart: env.MIGRATE_ON_START })] : []),
        ...(has('gateway') ? [IngestModule, ImportsModule] : []),
        ...(has('projector') ? [ProjectorModule] : []),
        ...(has('api') ? [AdminModule, QueryApiModule, DashboardModule.forRoot()] : []),
        ...(has('api') || has('alerting')
          ? [AlertingModule.forRoot({ intervalMs: env.ALERT_INTERVAL_MS, publicUrl: env.FLOWLENS_PUBLIC_URL, api: has('api'), schedule: has('alerting'), observer: AlertFiguresModule })]
          : []),
        ...(has('api') || has('alerting') ? [AlertDeliveryModule.forRoot({ ...alertDeliveryOptionsFromEnv(env), api: has('api'), dispatch: has('alerting') })] : []),
      ],
    };
  }
}
