import { Injectable, Logger } from '@nestjs/common';
import { type CanonicalEvent, type DeadLetter, type RawWebhook, TOPICS, topicKey } from '@flowlens/contracts';
import { EventLog, EventLogUnavailableError, type TopicAppend } from '@flowlens/event-log';
import { ApiError, flowlensMetrics } from '@flowlens/platform';
import { RecentEventIds } from './recent-event-ids';

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
  ) {}

  async accepted(raw: RawDelivery, events: readonly CanonicalEvent[]): Promise<AppendedEvents> {
    const fresh: CanonicalEvent[] = [];
    const inRequest = new Set<string>();
    for (const event of events) {
      if (this.recent.has(event.eventId) || inRequest.has(event.eventId)) continue;
      inRequest.add(event.eventId);
      fresh.push(event);
    }
    const eventAppend: TopicAppend = {
      topic: TOPICS.workItemEvents,
      records: fresh.map((e) => ({ key: topicKey(e.workspaceId, e.itemId ?? e.boardId), value: JSON.stringify(e), headers: { type: e.type } })),
    };
    await this.append([rawAppend({ ...raw, outcome: 'accepted', note: null, eventIds: events.map((e) => e.eventId) }), eventAppend]);
    this.recent.remember(fresh.map((e) => e.eventId));
    return { accepted: fresh.length, duplicates: events.length - fresh.length };
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
      // One delivery per durable write until the log adapters commit in groups (they then report it).
      flowlensMetrics.observeAppendGroup(this.log.kind, 1);
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
