export * from './lib/query-api.module';
