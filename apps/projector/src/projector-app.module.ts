import { type DynamicModule, Module } from '@nestjs/common';
import { ClickHouseModule, clickHouseOptionsFromEnv } from '@flowlens/clickhouse';
import { EventLogModule, eventLogOptionsFromEnv } from '@flowlens/event-log';
import { ProjectorModule } from '@flowlens/feature-projector';
import { HealthModule, LoggingModule } from '@flowlens/platform';
import type { ProjectorEnv } from './projector.env';

@Module({})
export class ProjectorAppModule {
  static register(env: ProjectorEnv): DynamicModule {
    return {
      module: ProjectorAppModule,
      imports: [
        LoggingModule.forRoot({ level: env.LOG_LEVEL, format: env.LOG_FORMAT, service: 'projector' }),
        HealthModule,
        EventLogModule.forRoot(eventLogOptionsFromEnv(env)),
        ClickHouseModule.forRoot({ ...clickHouseOptionsFromEnv(env), migrateOnStart: env.MIGRATE_ON_START }),
        ProjectorModule,
      ],
    };
  }
}
