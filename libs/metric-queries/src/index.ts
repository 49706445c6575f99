export * from './lib/query-context';
export * from './lib/stage-mapping';
export * from './lib/item-state.sql';
export * from './lib/query-params';
export * from './lib/date-buckets';
export * from './lib/item.query';
export * from './lib/throughput.query';
