import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { KafkaEventLogOptions } from './kafka-options';

const LEVELS: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export function createKafkaClient(options: KafkaEventLogOptions): Kafka {
  return new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    ssl: options.ssl,
    ...(options.sasl ? { sasl: { mechanism: 'plain' as const, ...options.sasl } } : {}),
    // Fail fast: a webhook waiting on a dead broker should get its 503 in seconds, not minutes.
    connectionTimeout: 3000,
    requestTimeout: 15000,
    retry: { retries: 3, initialRetryTime: 200, maxRetryTime: 2000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }: LogEntry) => {
        const { message, ...extra } = log;
        options.onLog?.(LEVELS[level] ?? 'info', `kafkajs: ${message}`, extra);
      },
  });
}
