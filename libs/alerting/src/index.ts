export * from './lib/alert-rule';
