import { type DynamicModule, Global, Inject, Logger, Module, type OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ReadinessRegistry } from '@flowlens/platform';
import { createDataSourceOptions, type PersistenceOptions } from './data-source.factory';
import { runPostgresMigrations } from './migration.runner';
import { AcceptedEventIdRepository } from './repositories/accepted-event-id.repository';
import { ApiKeyRepository } from './repositories/api-key.repository';
import { ConnectorCache } from './repositories/connector-cache';
import { ConnectorRepository } from './repositories/connector.repository';
import { DeadLetterRepository } from './repositories/dead-letter.repository';
import { ImportJobRepository } from './repositories/import-job.repository';
import { PortfolioRepository } from './repositories/portfolio.repository';
import { TeamRepository } from './repositories/team.repository';
import { WorkflowMapRepository } from './repositories/workflow-map.repository';
import { RiskRepository } from './repositories/risk.repository';
import { WorkspaceRepository } from './repositories/workspace.repository';
import { SecretCipher } from './secrets/secret-cipher';

const OPTIONS = Symbol('PERSISTENCE_OPTIONS');
const REPOSITORIES = [WorkspaceRepository, ApiKeyRepository, ConnectorRepository, WorkflowMapRepository, DeadLetterRepository, ImportJobRepository, TeamRepository, PortfolioRepository, RiskRepository, AcceptedEventIdRepository];

/** The configuration database (PostgreSQL or embedded PGlite): one data source, migrated at start. */
@Global()
@Module({})
export class PersistenceModule implements OnModuleInit {
  private readonly logger = new Logger(PersistenceModule.name);

  constructor(
    private readonly db: DataSource,
    private readonly readiness: ReadinessRegistry,
    @Inject(OPTIONS) private readonly options: PersistenceOptions,
  ) {}

  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({ ...createDataSourceOptions(options), retryAttempts: 2, retryDelay: 1000 }),
        }),
      ],
      providers: [{ provide: OPTIONS, useValue: options }, { provide: SecretCipher, useValue: new SecretCipher(options.secretKey) }, ConnectorCache, ...REPOSITORIES],
      exports: [SecretCipher, ...REPOSITORIES],
    };
  }

  async onModuleInit(): Promise<void> {
    this.readiness.register({ name: 'postgres', check: async () => void (await this.db.query('SELECT 1')) });
    if (this.options.migrateOnStart) {
      const applied = await runPostgresMigrations(this.db);
      if (applied.length) this.logger.log(`applied ${applied.length} postgres migration(s): ${applied.map((m) => m.name).join(', ')}`);
    }
  }
}
