export * from './lib/alert-rule';
export * from './lib/alert-notification';
