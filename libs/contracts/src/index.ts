export * from './lib/topics';
export * from './lib/event-types';
export * from './lib/time';
export * from './lib/event-id';
export * from './lib/canonical-event.schema';
export * from './lib/raw-webhook.schema';
export * from './lib/connector.port';
