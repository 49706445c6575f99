import { randomUUID } from 'node:crypto';
import { TOPICS } from '@flowlens/contracts';
import { KafkaEventLog } from '@flowlens/event-log';

export const KAFKA_BROKERS = process.env.KAFKA_BROKERS ?? '127.0.0.1:9092';

export function uniqueTopicPrefix(): string {
  return `e2e-${randomUUID().slice(0, 8)}.`;
}

/** Reads offsets of the real broker the apps use: how much is in a topic, how far a group got. */
export class KafkaProbe {
  private readonly log: KafkaEventLog;

  constructor(topicPrefix: string) {
    this.log = new KafkaEventLog({ brokers: KAFKA_BROKERS.split(','), clientId: 'e2e-probe', topicPrefix, ssl: false, createTopics: false, replicationFactor: 1 });
  }

  async offsets(topic: string = TOPICS.rawWebhooks): Promise<number> {
    const [progress] = await this.log.progress('e2e-probe-nobody', [topic]);
    return progress?.total ?? 0;
  }

  async lag(groupId: string, topic: string = TOPICS.workItemEvents): Promise<{ lag: number; total: number }> {
    const [progress] = await this.log.progress(groupId, [topic]);
    return { lag: progress?.lag ?? 0, total: progress?.total ?? 0 };
  }

  close(): Promise<void> {
    return this.log.close();
  }
}
