import { type DynamicModule, Module } from '@nestjs/common';
import { ClickHouseModule, clickHouseOptionsFromEnv } from '@flowlens/clickhouse';
import { AlertDeliveryModule, alertDeliveryOptionsFromEnv } from '@flowlens/feature-alert-delivery';
import { DigestsModule } from '@flowlens/feature-digests';
import { AlertingModule } from '@flowlens/feature-alerting';
import { PersistenceModule, persistenceOptionsFromEnv } from '@flowlens/persistence';
import { HealthModule, LoggingModule } from '@flowlens/platform';
import type { AlertingEnv } from './alerting.env';

@Module({})
export class AlertingAppModule {
  static register(env: AlertingEnv): DynamicModule {
    return {
      module: AlertingAppModule,
      imports: [
        LoggingModule.forRoot({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, service: 'alerting' }),
        HealthModule,
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env)),
        AlertingModule.forRoot({ intervalMs: env.ALERT_INTERVAL_MS }),
        AlertDeliveryModule.forRoot({ ...alertDeliveryOptionsFromEnv(env), api: false, dispatch: true }),
        // Digests read figures: ClickHouse for the schedule's content (migrations stay with the API and projector).
        ClickHouseModule.forRoot({ ...clickHouseOptionsFromEnv(env), migrateOnStart: false }),
        DigestsModule.forRoot({ api: false, schedule: true, publicUrl: env.FLOWLENS_PUBLIC_URL, tickMs: env.ALERT_INTERVAL_MS }),
      ],
    };
  }
}
