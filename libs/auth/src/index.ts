export * from './lib/token.util';
export * from './lib/api-key.codec';
export * from './lib/principal';
export * from './lib/workspace-key.guard';
export * from './lib/admin-token.guard';
export * from './lib/auth.module';
