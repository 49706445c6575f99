import { join, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import { PGliteDriver } from 'typeorm-pglite';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { ConnectorEntity } from './entities/connector.entity';
import { DeadLetterEntity } from './entities/dead-letter.entity';
import { ImportJobEntity } from './entities/import-job.entity';
import { PortfolioEntity } from './entities/portfolio.entity';
import { TeamEntity } from './entities/team.entity';
import { WorkflowMapVersionEntity } from './entities/workflow-map-version.entity';
import { RiskEntity } from './entities/risk.entity';
import { WorkspaceEntity } from './entities/workspace.entity';
import { AlertChannelEntity } from './entities/alert-channel.entity';
import { AlertRuleEntity } from './entities/alert-rule.entity';
import { AlertInstanceEntity } from './entities/alert-instance.entity';
import { AlertDeliveryEntity } from './entities/alert-delivery.entity';
import { DigestEntity } from './entities/digest.entity';
import { InitialSchema1764115200000 } from './migrations/1764115200000-InitialSchema';
import { DeadLetters1795670000000 } from './migrations/1795670000000-DeadLetters';
import { ImportJobs1795670000001 } from './migrations/1795670000001-ImportJobs';
import { Governance1796000000000 } from './migrations/1796000000000-Governance';
import { TeamsAndPortfolios1796100000000 } from './migrations/1796100000000-TeamsAndPortfolios';
import { RiskRegister1796200000000 } from './migrations/1796200000000-RiskRegister';
import { AcceptedEventIds1796400000000 } from './migrations/1796400000000-AcceptedEventIds';
import { Alerting1796500000000 } from './migrations/1796500000000-Alerting';
import { RiskRegisterVersions1796600000000 } from './migrations/1796600000000-RiskRegisterVersions';

export const ENTITIES = [WorkspaceEntity, ApiKeyEntity, ConnectorEntity, WorkflowMapVersionEntity, DeadLetterEntity, ImportJobEntity, TeamEntity, PortfolioEntity, RiskEntity, AuditEntryEntity, AlertChannelEntity, AlertRuleEntity, AlertInstanceEntity, AlertDeliveryEntity, DigestEntity];
export const MIGRATIONS = [InitialSchema1764115200000, DeadLetters1795670000000, ImportJobs1795670000001, Governance1796000000000, TeamsAndPortfolios1796100000000, RiskRegister1796200000000, AcceptedEventIds1796400000000, Alerting1796500000000, RiskRegisterVersions1796600000000];

export interface PersistenceOptions {
  /** postgres:// URL; when absent, embedded PGlite in `${dataDir}/postgres`. */
  readonly url?: string;
  readonly dataDir: string;
  readonly poolSize: number;
  readonly migrateOnStart: boolean;
  /** Key for sealing connector secrets at rest. */
  readonly secretKey?: string;
}

export function createDataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  const common = {
    type: 'postgres' as const,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'flowlens_migrations',
    migrationsRun: false,
    synchronize: false,
    logging: false,
    // Schema comes from our migrations (gen_random_uuid() is built in); PGlite has no uuid-ossp.
    installExtensions: false,
  };
  if (options.url) return { ...common, url: options.url, extra: { max: options.poolSize, connectionTimeoutMillis: 5000 } };
  const dataDir = resolve(join(options.dataDir, 'postgres'));
  mkdirSync(dataDir, { recursive: true });
  return { ...common, driver: new PGliteDriver({ dataDir }).driver };
}
