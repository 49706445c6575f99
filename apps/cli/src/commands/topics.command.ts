import { TOPIC_DEFINITIONS } from '@flowlens/contracts';
import { createEventLog, eventLogOptionsFromEnv } from '@flowlens/event-log';
import type { CliEnv } from '../cli.env';
import { CliError } from '../cli-error';

/** Creates the log topics from their one definition (Kafka; the embedded log needs none). */
export async function topicsCommand(env: CliEnv): Promise<void> {
  if (env.EVENT_LOG !== 'kafka') throw new CliError('topics are only created on Kafka: set EVENT_LOG=kafka and KAFKA_BROKERS');
  const log = await createEventLog(eventLogOptionsFromEnv({ ...env, KAFKA_CREATE_TOPICS: true }));
  try {
    await log.ensureTopics();
    for (const topic of TOPIC_DEFINITIONS) console.log(`${env.KAFKA_TOPIC_PREFIX}${topic.name}  partitions=${topic.partitions}  key=${topic.keyedBy}`);
  } finally {
    await log.close();
  }
}
