export * from './lib/event-log.port';
export * from './lib/event-log.errors';
export * from './lib/event-log.factory';
export * from './lib/event-log.module';
export * from './lib/event-log.transport';
export { EmbeddedEventLog } from './lib/embedded/embedded-event-log';
export { KafkaEventLog } from './lib/kafka/kafka-event-log';
export type { KafkaEventLogOptions } from './lib/kafka/kafka-options';
export * from './lib/event-log.env';
