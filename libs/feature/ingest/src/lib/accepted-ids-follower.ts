import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { TOPICS } from '@flowlens/contracts';
import { type ConsumedRecord, EventLog, type Subscription } from '@flowlens/event-log';
import { ACCEPTED_EVENT_ID_RETENTION_DAYS, type AppendedEventId, AcceptedEventIdRepository } from '@flowlens/persistence';
import { ReadinessRegistry } from '@flowlens/platform';

export const ACCEPTED_IDS_GROUP_ID = 'flowlens-accepted-ids';
const RETENTION_MS = ACCEPTED_EVENT_ID_RETENTION_DAYS * 24 * 60 * 60 * 1000;

/**
 * On embedded PGlite (this process the database's only user) the accepted event ids are recorded
 * from the log, by a consumer group of its own, instead of by an insert before each 202: the
 * insert is synchronous WASM on the event loop that answers webhooks, and one per delivery cost
 * more than a sixth of a delivery. The log already holds every accepted event durably, so the table
 * is a checkpoint of it: after a restart (a crash included) the group replays what the table
 * lacks, and lookups wait for that, so a retry's duplicate answer never depends on what the process
 * remembered. Until the group has written an id, {@link RecentEventIds} answers for it.
 *
 * Every event in the log counts, an imported one too: a duplicate is "an event id already
 * appended". With PostgreSQL (several gateways, another process may answer the retry) the gateway
 * still records the ids before its 202 ({@link DeliveryLog}).
 */
@Injectable()
export class AcceptedIdsFollower implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AcceptedIdsFollower.name);
  private subscription: Subscription | null = null;
  private markCaughtUp = (): void => undefined;
  /** Pending from construction, so nothing that runs before start-up ends can take it for done. */
  private readonly caughtUp: Promise<void>;

  constructor(
    private readonly log: EventLog,
    private readonly ids: AcceptedEventIdRepository,
    private readonly readiness: ReadinessRegistry,
  ) {
    this.caughtUp = this.follows ? new Promise((resolve) => (this.markCaughtUp = resolve)) : Promise.resolve();
  }

  /** Whether the ids reach the table from the log (and not from each delivery). */
  get follows(): boolean {
    return this.ids.soleUser;
  }

  /** Resolves once the table holds every id the log held when the process started. */
  ready(): Promise<void> {
    return this.caughtUp;
  }

  onApplicationBootstrap(): void {
    if (!this.follows) return;
    const markCaughtUp = this.markCaughtUp;
    let behind = Infinity;
    const check = async (): Promise<void> => {
      const [progress] = await this.log.progress(ACCEPTED_IDS_GROUP_ID, [TOPICS.workItemEvents]);
      if ((progress?.lag ?? 0) === 0) markCaughtUp();
    };
    const started = this.log
      .progress(ACCEPTED_IDS_GROUP_ID, [TOPICS.workItemEvents])
      .then(([progress]) => {
        behind = progress?.lag ?? 0;
        if (behind > 1000) this.logger.log(`recording the ids of ${behind} events from the log before webhooks are answered`);
        if (behind === 0) markCaughtUp();
        return this.log.subscribe({
          groupId: ACCEPTED_IDS_GROUP_ID,
          topics: [TOPICS.workItemEvents],
          fromBeginning: true,
          maxBatchSize: 500, // each batch is one synchronous insert on the event loop (~15 ms)
          handleBatch: async ({ records }) => {
            await this.ids.recordAppended(appendedIds(records, Date.now() - RETENTION_MS));
            behind -= records.length;
            if (behind <= 0) markCaughtUp();
            else await check();
          },
        });
      })
      .then((subscription) => {
        this.subscription = subscription;
      });
    started.catch((error: Error) => this.logger.error(`could not follow the log for accepted event ids: ${error.message}`));
    this.readiness.register({
      name: 'accepted-ids',
      check: async () => {
        await started;
        const state = this.subscription?.state;
        if (state === 'crashed' || state === 'stopped') throw new Error(`the accepted-ids consumer is ${state}${this.subscription?.lastError ? `: ${this.subscription.lastError.message}` : ''}`);
      },
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }
}

/** The ids of the events among `records` appended at or after `since` (epoch ms). */
export function appendedIds(records: readonly ConsumedRecord[], since: number): AppendedEventId[] {
  const ids: AppendedEventId[] = [];
  for (const record of records) {
    if (record.timestamp < since) continue;
    const eventId = eventIdOf(record.value);
    if (eventId) ids.push({ eventId, appendedAt: new Date(record.timestamp) });
  }
  return ids;
}

/** Canonical events were validated before their append; anything else in the topic has no id to keep. */
function eventIdOf(value: string): string | null {
  try {
    const eventId = (JSON.parse(value) as { eventId?: unknown }).eventId;
    return typeof eventId === 'string' ? eventId : null;
  } catch {
    return null;
  }
}
