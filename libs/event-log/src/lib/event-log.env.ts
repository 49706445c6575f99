import type { BaseEnv, EventLogEnv } from '@flowlens/config';
import type { EventLogOptions } from './event-log.factory';

export function eventLogOptionsFromEnv(env: EventLogEnv & Pick<BaseEnv, 'FLOWLENS_DATA_DIR'>): EventLogOptions {
  if (env.EVENT_LOG === 'embedded') return { kind: 'embedded', dataDir: env.FLOWLENS_DATA_DIR, topicPrefix: env.KAFKA_TOPIC_PREFIX };
  return {
    kind: 'kafka',
    brokers: env.KAFKA_BROKERS,
    clientId: env.KAFKA_CLIENT_ID,
    topicPrefix: env.KAFKA_TOPIC_PREFIX,
    ssl: env.KAFKA_SSL,
    ...(env.KAFKA_SASL_USERNAME && env.KAFKA_SASL_PASSWORD ? { sasl: { username: env.KAFKA_SASL_USERNAME, password: env.KAFKA_SASL_PASSWORD } } : {}),
    createTopics: env.KAFKA_CREATE_TOPICS,
    replicationFactor: env.KAFKA_REPLICATION_FACTOR,
  };
}
