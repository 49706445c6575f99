export * from './lib/tables';
export * from './lib/clickhouse.errors';
export * from './lib/clickhouse.store';
export * from './lib/clickhouse.migrator';
export * from './lib/clickhouse.module';
export * from './lib/clickhouse.env';
export * from './lib/workspace-purge';
