export * from './lib/app-process';
export * from './lib/api-client';
export * from './lib/eventually';
export * from './lib/postgres';
export * from './lib/kafka-probe';
export * from './lib/repo-root';
export * from './lib/fast-check-seed';
export * from './lib/figure-path';
