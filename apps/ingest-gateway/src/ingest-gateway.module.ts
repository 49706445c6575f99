import { type DynamicModule, Module } from '@nestjs/common';
import { EventLogModule, eventLogOptionsFromEnv } from '@flowlens/event-log';
import { IngestModule } from '@flowlens/feature-ingest';
import { ImportsModule } from '@flowlens/feature-imports';
import { PersistenceModule, persistenceOptionsFromEnv } from '@flowlens/persistence';
import { HealthModule, LoggingModule } from '@flowlens/platform';
import type { IngestGatewayEnv } from './ingest-gateway.env';

@Module({})
export class IngestGatewayModule {
  static register(env: IngestGatewayEnv): DynamicModule {
    return {
      module: IngestGatewayModule,
      imports: [
        LoggingModule.forRoot({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, service: 'ingest-gateway' }),
        HealthModule,
        PersistenceModule.forRoot(persistenceOptionsFromEnv(env)),
        EventLogModule.forRoot(eventLogOptionsFromEnv(env)),
        IngestModule,
        ImportsModule,
      ],
    };
  }
}
