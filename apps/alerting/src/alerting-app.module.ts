import { type DynamicModule, Module } from '@nestjs/common';
import { AlertDeliveryModule, alertDeliveryOptionsFromEnv } from '@flowlens/feature-alert-delivery';
import { ClickHouseModule, clickHouseOptionsFromEnv } from '@flowlens/clickhouse';
import { AlertFiguresModule } from '@flowlens/feature-alert-figures';
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
        // Reads the figures rules compare; the metrics API owns the ClickHouse schema.
        ClickHouseModule.forRoot({ ...clickHouseOptionsFromEnv(env), migrateOnStart: false }),
        AlertingModule.forRoot({ intervalMs: env.ALERT_INTERVAL_MS, publicUrl: env.FLOWLENS_PUBLIC_URL, api: false, schedule: true, observer: AlertFiguresModule }),
        AlertDeliveryModule.forRoot({ ...alertDeliveryOptionsFromEnv(env), api: false, dispatch: true }),
      ],
    };
  }
}
