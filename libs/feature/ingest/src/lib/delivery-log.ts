import { Injectable, Logger } from '@nestjs/common';
import { type CanonicalEvent, type DeadLetter, type RawWebhook, TOPICS, topicKey } from '@flowlens/contracts';
import { EventLog, EventLogUnavailableError, type TopicAppend } from '@flowlens/event-log';
import { AcceptedEventIdRepository } from '@flowlens/persistence';
import { ApiError, flowlensMetrics } from '@flowlens/platform';
import { AcceptedIdsFollower } from './accepted-ids-follower';
import { RecentEventIds } from './recent-event-ids';

/** How long a lookup waits for the accepted ids to catch up with the log at start-up. */
const CATCH_UP_WAIT_MS = 10_000;

/** A delivery as kept in the raw topic, before its outcome is known. */
export type RawDelivery = Omit<RawWebhook, 'outcome' | 'note' | 'eventIds'>;

export interface AppendedEvents {
  readonly accepted: number;
  readonly duplicates: number;
}

/**
 * Writes a delivery's outcome to the log: the raw record plus its canonical events, its ignore
 * note, or its dead letter, each in one atomic append. Shared by live webhooks and re-drives so
 * both leave exactly the same records. A log outage becomes a 503 (the source retries).
 */
@Injectable()
export class DeliveryLog {
  private readonly logger = new Logger(DeliveryLog.name);

  constructor(
    private readonly log: EventLog,
    private readonly recent: RecentEventIds,
    private readonly acceptedIds: AcceptedEventIdRepository,
    private readonly follower: AcceptedIdsFollower,
  ) {}

  /**
   * A duplicate is an event id already appended: known to this process, or recorded in PostgreSQL
   * by any gateway before a restart. The ids are recorded only after the append is durable: here,
   * before the 202, or from the log by {@link AcceptedIdsFollower} on embedded PGlite.
   */
  async accepted(raw: RawDelivery, events: readonly CanonicalEvent[]): Promise<AppendedEvents> {
    const candidates = new Map<string, CanonicalEvent>();
    for (const event of events) if (!this.recent.has(event.eventId) && !candidates.has(event.eventId)) candidates.set(event.eventId, event);
    const known = await this.knownIds([...candidates.keys()]);
    const fresh = [...candidates.values()].filter((e) => !known.has(e.eventId));
    const eventAppend: TopicAppend = {
      topic: TOPICS.workItemEvents,
      records: fresh.map((e) => ({ key: topicKey(e.workspaceId, e.itemId ?? e.boardId), value: JSON.stringify(e), headers: { type: e.type } })),
    };
    await this.append([rawAppend({ ...raw, outcome: 'accepted', note: null, eventIds: events.map((e) => e.eventId) }), eventAppend]);
    const freshIds = fresh.map((e) => e.eventId);
    await this.recordIds(freshIds);
    this.recent.remember([...freshIds, ...known]);
    return { accepted: fresh.length, duplicates: events.length - fresh.length };
  }

  /**
   * With PostgreSQL down, everything counts as fresh: webhooks are still taken, a retry is then
   * appended again, and the projections collapse it by event id (figures count once).
   */
  private async knownIds(eventIds: readonly string[]): Promise<Set<string>> {
    try {
      if (this.follower.follows) await this.caughtUp();
      return await this.acceptedIds.known(eventIds);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not look up accepted event ids; treating the delivery as new');
      return new Set();
    }
  }

  /** The events are durable already: a failure here only costs a later retry its duplicate answer. */
  private async recordIds(eventIds: readonly string[]): Promise<void> {
    if (this.follower.follows) return;
    try {
      await this.acceptedIds.record(eventIds);
    } catch (error) {
      this.logger.warn({ err: (error as Error).message }, 'could not record accepted event ids');
    }
  }

  private catchUp: Promise<void> | null = null;

  /**
   * Waits once, and for at most {@link CATCH_UP_WAIT_MS}: if the ids cannot catch up (PostgreSQL
   * failing), deliveries go on, and a retry of one the table lacks is taken as new (as below).
   */
  private caughtUp(): Promise<void> {
    this.catchUp ??= new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.logger.warn(`the accepted event ids have not caught up with the log after ${CATCH_UP_WAIT_MS / 1000} s; answering webhooks meanwhile`);
        resolve();
      }, CATCH_UP_WAIT_MS);
      void this.follower.ready().then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return this.catchUp;
  }

  ignored(raw: RawDelivery, reason: string): Promise<void> {
    return this.append([rawAppend({ ...raw, outcome: 'ignored', note: reason, eventIds: [] })]);
  }

  deadLettered(raw: RawDelivery, reason: string): Promise<void> {
    return this.append([rawAppend({ ...raw, outcome: 'dead-lettered', note: reason, eventIds: [] }), deadLetterAppend({ ...raw, reason })]);
  }

  private async append(appends: TopicAppend[]): Promise<void> {
    const end = flowlensMetrics.appendSeconds.startTimer({ log: this.log.kind });
    try {
      await this.log.append(appends);
    } catch (error) {
      if (error instanceof EventLogUnavailableError) {
        this.logger.warn({ err: error.message }, 'event log unavailable; answering 503 so the source retries');
        throw ApiError.unavailable('the event log is unavailable; retry later', 'log_unavailable');
      }
      throw error;
    } finally {
      end();
    }
  }
}

function rawAppend(raw: RawWebhook): TopicAppend {
  return { topic: TOPICS.rawWebhooks, records: [{ key: topicKey(raw.workspaceId, raw.connectorId), value: JSON.stringify(raw) }] };
}

function deadLetterAppend(letter: DeadLetter): TopicAppend {
  return { topic: TOPICS.deadLetters, records: [{ key: topicKey(letter.workspaceId, letter.connectorId), value: JSON.stringify(letter) }] };
}
