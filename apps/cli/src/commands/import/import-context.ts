import { DataSource } from 'typeorm';
import { createEventLog, eventLogOptionsFromEnv, type EventLog } from '@flowlens/event-log';
import { ImportJobsService, ImportRunner, ImportSourceFactory } from '@flowlens/feature-imports';
import {
  ConnectorCache,
  ConnectorRepository,
  createDataSourceOptions,
  ImportJobRepository,
  persistenceOptionsFromEnv,
  runPostgresMigrations,
  SecretCipher,
} from '@flowlens/persistence';
import type { CliEnv } from '../../cli.env';

export interface ImportContext {
  readonly jobs: ImportJobRepository;
  readonly connectors: ConnectorRepository;
  readonly service: ImportJobsService;
  readonly runner: ImportRunner;
  close(): Promise<void>;
}

/** The import pieces the gateway composes with Nest, wired by hand: the CLI runs jobs in its own process. */
export async function openImportContext(env: CliEnv): Promise<ImportContext> {
  // The log first: in embedded mode it locks the data dir, so a running standalone process is
  // detected before PGlite (which allows one process per data dir) is opened.
  const log: EventLog = await createEventLog(eventLogOptionsFromEnv(env));
  const options = persistenceOptionsFromEnv(env);
  const db = new DataSource(createDataSourceOptions(options));
  try {
    await db.initialize();
    if (env.MIGRATE_ON_START) await runPostgresMigrations(db);
  } catch (error) {
    await log.close().catch(() => undefined);
    if (db.isInitialized) await db.destroy().catch(() => undefined);
    throw error;
  }
  const cipher = new SecretCipher(options.secretKey);
  const jobs = new ImportJobRepository(db);
  const connectors = new ConnectorRepository(db, cipher, new ConnectorCache());
  return {
    jobs,
    connectors,
    service: new ImportJobsService(jobs, connectors, cipher),
    runner: new ImportRunner(jobs, connectors, log, new ImportSourceFactory(cipher)),
    close: async () => {
      await log.close();
      await db.destroy();
    },
  };
}
