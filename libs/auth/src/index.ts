export * from './lib/token.util';
export * from './lib/api-key.codec';
export * from './lib/principal';
export * from './lib/workspace-key.guard';
export * from './lib/admin-token.guard';
export * from './lib/auth.module';
export * from './lib/api-key-throttler.guard';
export * from './lib/api-key-rate-limit.module';
