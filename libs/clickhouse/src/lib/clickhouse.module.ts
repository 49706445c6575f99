import { type DynamicModule, Global, Inject, Logger, Module, type OnApplicationShutdown, type OnModuleInit, Optional } from '@nestjs/common';
import { WorkspacePurgeRegistry } from '@flowlens/persistence';
import { ReadinessRegistry } from '@flowlens/platform';
import { migrateClickHouse } from './clickhouse.migrator';
import { type ClickHouseOptions, ClickHouseStore } from './clickhouse.store';
import { purgeWorkspaceRows } from './workspace-purge';

const MIGRATE = Symbol('CLICKHOUSE_MIGRATE_ON_START');

/** One ClickHouseStore per process (chDB allows one data dir), migrated at start, closed at exit. */
@Global()
@Module({})
export class ClickHouseModule implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClickHouseModule.name);

  constructor(
    private readonly store: ClickHouseStore,
    private readonly readiness: ReadinessRegistry,
    @Inject(MIGRATE) private readonly migrateOnStart: boolean,
    @Optional() private readonly purges?: WorkspacePurgeRegistry,
  ) {}

  static forRoot(options: ClickHouseOptions & { readonly migrateOnStart: boolean }): DynamicModule {
    const { migrateOnStart, ...storeOptions } = options;
    return {
      module: ClickHouseModule,
      providers: [
        { provide: MIGRATE, useValue: migrateOnStart },
        { provide: ClickHouseStore, useFactory: () => new ClickHouseStore(storeOptions) },
      ],
      exports: [ClickHouseStore],
    };
  }

  async onModuleInit(): Promise<void> {
    this.readiness.register({ name: 'clickhouse', check: () => this.store.ping() });
    this.purges?.register({ name: 'clickhouse', purge: (workspaceId) => purgeWorkspaceRows(this.store, workspaceId) });
    if (this.migrateOnStart) {
      const applied = await migrateClickHouse(this.store);
      if (applied.length) this.logger.log(`applied clickhouse migration(s): ${applied.map((m) => m.name).join(', ')}`);
    }
    this.logger.log(`clickhouse ready (${this.store.mode})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
