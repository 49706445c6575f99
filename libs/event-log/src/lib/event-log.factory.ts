import { resolve } from 'node:path';
import type { EventLog } from './event-log.port';
import { EmbeddedEventLog } from './embedded/embedded-event-log';
import { KafkaEventLog } from './kafka/kafka-event-log';
import type { KafkaEventLogOptions } from './kafka/kafka-options';

export type EventLogOptions =
  | { readonly kind: 'embedded'; readonly dataDir: string; readonly topicPrefix?: string }
  | ({ readonly kind: 'kafka' } & KafkaEventLogOptions);

/** The log the options name; an embedded one is opened (and locked) before this resolves. */
export async function createEventLog(options: EventLogOptions): Promise<EventLog> {
  return options.kind === 'embedded' ? EmbeddedEventLog.open(resolve(options.dataDir), options.topicPrefix ?? '') : new KafkaEventLog(options);
}
