export * from './lib/query-api.module';
export * from './lib/query-context.factory';
