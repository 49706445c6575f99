export * from './lib/env.validator';
export * from './lib/env.fragments';
export * from './lib/platform-env.schema';
export * from './lib/load-config';
