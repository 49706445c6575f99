import { resolve } from 'node:path';
import type { EventLog } from './event-log.port';
import { EmbeddedEventLog } from './embedded/embedded-event-log';
import { KafkaEventLog } from './kafka/kafka-event-log';
import type { KafkaEventLogOptions } from './kafka/kafka-options';

export type EventLogOptions =
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly topicPrefix?: string }
  | ({ readonly kind: 'kafka' } & KafkaEventLogOptions);

export function createEventLog(options: EventLogOptions): EventLog {
  return options.kind === 'embedded'
    ? new EmbeddedEventLog(resolve(options.dataDir), options.topicPrefix ?? '')
    : new KafkaEventLog(options);
}
