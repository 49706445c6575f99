export * from './lib/alert-notification';
export * from './lib/alert-rule.schema';
export * from './lib/alert-condition';
export * from './lib/process-limits';
export * from './lib/alert-instance.machine';
export * from './lib/alert-grouping';
export * from './lib/backtest';
export * from './lib/clock';
