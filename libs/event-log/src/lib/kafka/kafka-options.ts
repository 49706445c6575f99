export interface KafkaEventLogOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly topicPrefix: string;
  readonly ssl: boolean;
  readonly sasl?: { readonly username: string; readonly password: string };
  readonly createTopics: boolean;
  readonly replicationFactor: number;
  /** Receives kafkajs' own warnings and errors. */
  readonly onLog?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: Record<string, unknown>) => void;
}
