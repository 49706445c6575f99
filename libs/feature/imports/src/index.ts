export * from './lib/imports.module';
export * from './lib/import-runner';
export * from './lib/import-jobs.service';
export * from './lib/import-request.schema';
export * from './lib/import-job.view';
export * from './lib/import.errors';
export { leaseOwner, LEASE_MS } from './lib/import-lease';
export { ImportSourceFactory } from './lib/sources/import-source.factory';
export type { ImportUnit } from './lib/sources/import-source';
