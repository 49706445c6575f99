import { randomUUID } from 'node:crypto';
import { ClickHouseStore, clickHouseOptionsFromEnv, migrateClickHouse } from '@flowlens/clickhouse';
import { canonicalEventSchema, deadLetterSchema, rawWebhookSchema, TOPICS } from '@flowlens/contracts';
import { createEventLog, eventLogOptionsFromEnv, type ConsumedBatch } from '@flowlens/event-log';
import { ProjectionWriter } from '@flowlens/projections';
import type { CliEnv } from '../cli.env';
import { progressBar } from '../progress';

const TOPICS_TO_REPLAY = [TOPICS.workItemEvents, TOPICS.rawWebhooks, TOPICS.deadLetters];

/**
 * Rebuilds every ClickHouse projection from the log: empties the projections, then replays the
 * log from offset 0 (embedded journal or Kafka) through the projection writer until caught up.
 */
export async function rebuildCommand(env: CliEnv, options: { yes: boolean }): Promise<void> {
  const store = new ClickHouseStore(clickHouseOptionsFromEnv(env));
  const log = await createEventLog(eventLogOptionsFromEnv(env));
  const groupId = `flowlens-rebuild-${randomUUID()}`;
  try {
    await migrateClickHouse(store);
    const writer = new ProjectionWriter(store);
    const total = (await log.progress(groupId, TOPICS_TO_REPLAY)).reduce((n, p) => n + p.total, 0);
    if (!options.yes && process.stdin.isTTY) console.error(`rebuilding projections in ${store.mode} ClickHouse from ${total} log offsets`);
    await writer.truncateAll();
    const bar = progressBar('rebuild');
    bar.start(total, 0);
    let done = 0;
    const handle = async (batch: ConsumedBatch) => {
      const values = batch.records.map((r) => JSON.parse(r.value) as unknown);
      if (batch.topic === TOPICS.workItemEvents) await writer.writeEvents(values.map((v) => canonicalEventSchema.parse(v)), { refreshSnapshots: false });
      else if (batch.topic === TOPICS.rawWebhooks) await writer.writeRawWebhooks(values.map((v) => rawWebhookSchema.parse(v)));
      else await writer.writeDeadLetters(values.map((v) => deadLetterSchema.parse(v)));
      done += batch.records.length;
      bar.update(Math.min(done, total));
    };
    const subscription = await log.subscribe({ groupId, topics: TOPICS_TO_REPLAY, fromBeginning: true, maxBatchSize: 5000, handleBatch: handle });
    for (;;) {
      if (subscription.state === 'crashed') throw subscription.lastError ?? new Error('the replay consumer crashed');
      const lag = (await log.progress(groupId, TOPICS_TO_REPLAY)).reduce((n, p) => n + p.lag, 0);
      if (lag === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await subscription.stop();
    // Snapshots once at the end, for every item in one aggregation (far cheaper than per batch).
    await writer.refreshAllSnapshots();
    bar.update(total);
    bar.stop();
    console.log(`rebuilt projections from ${done} records`);
  } finally {
    await log.close();
    await store.close();
  }
}
