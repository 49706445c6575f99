import type { INestApplication } from '@nestjs/common';
import { TOPICS } from '@flowlens/contracts';
import { EventLog, EventLogTransport } from '@flowlens/event-log';
import { flowlensMetrics, ReadinessRegistry } from '@flowlens/platform';

export const PROJECTOR_GROUP_ID = 'flowlens-projector';
export const PROJECTED_TOPICS = [TOPICS.workItemEvents, TOPICS.rawWebhooks, TOPICS.deadLetters] as const;

/**
 * Connects the projector's `@EventPattern` handlers to the log as a Nest microservice and makes
 * /ready reflect the consumer: a crashed consumer must not leave the process "healthy" but idle.
 */
export function attachProjector(app: INestApplication, options: { groupId?: string; maxBatchSize?: number } = {}): EventLogTransport {
  const log = app.get(EventLog);
  const groupId = options.groupId ?? PROJECTOR_GROUP_ID;
  const transport = new EventLogTransport(log, {
    groupId,
    topics: PROJECTED_TOPICS,
    fromBeginning: true,
    maxBatchSize: options.maxBatchSize ?? 5000,
  });
  app.connectMicroservice({ strategy: transport }, { inheritAppConfig: true });
  app.get(ReadinessRegistry).register({
    name: 'consumer',
    check: async () => {
      if (transport.state !== 'running') {
        throw new Error(`projector consumer is ${transport.state}${transport.lastError ? `: ${transport.lastError.message}` : ''}`);
      }
    },
  });
  flowlensMetrics.onScrape(async () => {
    for (const { topic, lag } of await log.progress(groupId, PROJECTED_TOPICS)) flowlensMetrics.consumerLag.set({ group: groupId, topic }, lag);
  });
  return transport;
}
