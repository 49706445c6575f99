import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import {
  type CanonicalEvent,
  type DeadLetter,
  type EventSource,
  NormalisationError,
  type NormalisationResult,
  PayloadSchemaError,
  type RawWebhook,
  TOPICS,
  topicKey,
} from '@flowlens/contracts';
import { safeEqual, sha256Hex } from '@flowlens/auth';
import { EventLog, EventLogUnavailableError, type TopicAppend } from '@flowlens/event-log';
import { ConnectorRepository, type ConnectorRecord } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { RecentEventIds } from './recent-event-ids';
import { WEBHOOK_CONNECTORS, type WebhookConnectorRegistry } from './webhook-connectors';

export interface WebhookDelivery {
  readonly rawBody: Buffer | undefined;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly token: string | undefined;
}

export interface IntakeResult {
  readonly accepted: number;
  readonly duplicates: number;
  readonly ignored?: string;
  readonly deadLettered?: string;
}

/** Headers worth keeping with the raw payload; credentials and signatures are dropped. */
const KEPT_HEADERS = /^(content-type|user-agent|x-atlassian-webhook-identifier|x-atlassian-webhook-retry|x-request-id|x-forwarded-for)$/i;

@Injectable()
export class WebhookIntakeService {
  private readonly logger = new Logger(WebhookIntakeService.name);

  constructor(
    private readonly connectors: ConnectorRepository,
    private readonly log: EventLog,
    private readonly recent: RecentEventIds,
    @Inject(WEBHOOK_CONNECTORS) private readonly registry: WebhookConnectorRegistry,
  ) {}

  /** The connector behind a webhook URL, or 404. */
  async connectorFor(source: EventSource, connectorId: string): Promise<ConnectorRecord> {
    const connector = await this.connectors.findById(connectorId);
    if (!connector || connector.type !== source) throw ApiError.notFound(`no ${source} connector with id ${connectorId}`, 'unknown_connector');
    return connector;
  }

  async receive(source: EventSource, connectorId: string, delivery: WebhookDelivery): Promise<IntakeResult> {
    const connector = await this.connectorFor(source, connectorId);
    const adapter = this.registry.get(source);
    if (!adapter) throw ApiError.notFound(`no webhook connector for ${source}`);
    if (!delivery.rawBody) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'the webhook body must be JSON (Content-Type: application/json)');
    }
    const request = { rawBody: delivery.rawBody, headers: delivery.headers };
    this.authenticate(connector, delivery.token, () => adapter.verify(request, { secret: connector.secret, callbackUrl: connector.callbackUrl }));

    const receivedAt = new Date().toISOString();
    const raw: Omit<RawWebhook, 'outcome' | 'note' | 'eventIds'> = {
      deliveryId: adapter.deliveryId(request),
      workspaceId: connector.workspaceId,
      connectorId: connector.id,
      source,
      receivedAt,
      headers: keptHeaders(delivery.headers),
      body: delivery.rawBody.toString('utf8'),
    };

    let result: NormalisationResult;
    try {
      result = adapter.normalise(delivery.body, { workspaceId: connector.workspaceId, connectorId: connector.id, receivedAt, settings: connector.settings });
    } catch (error) {
      if (error instanceof PayloadSchemaError) {
        throw ApiError.badRequest(`the payload is not a valid ${source} webhook: ${error.message}`, error.details, 'invalid_payload');
      }
      const reason = error instanceof NormalisationError ? error.message : `normaliser failed: ${(error as Error).message}`;
      if (!(error instanceof NormalisationError)) this.logger.error({ err: error, connectorId }, 'normaliser threw an unexpected error; dead-lettering');
      await this.append([rawAppend({ ...raw, outcome: 'dead-lettered', note: reason, eventIds: [] }), deadLetterAppend({ ...raw, reason })]);
      return { accepted: 0, duplicates: 0, deadLettered: reason };
    }

    if (result.kind === 'ignored') {
      await this.append([rawAppend({ ...raw, outcome: 'ignored', note: result.reason, eventIds: [] })]);
      return { accepted: 0, duplicates: 0, ignored: result.reason };
    }
    return this.appendEvents(raw, result.events);
  }

  private async appendEvents(raw: Omit<RawWebhook, 'outcome' | 'note' | 'eventIds'>, events: readonly CanonicalEvent[]): Promise<IntakeResult> {
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

  private authenticate(connector: ConnectorRecord, token: string | undefined, verifySignature: () => boolean): void {
    if (token !== undefined) {
      if (!safeEqual(sha256Hex(token), connector.tokenHash)) throw ApiError.unauthorized('invalid webhook token', 'invalid_token');
      return;
    }
    if (connector.secret === null) throw ApiError.unauthorized('this connector has no secret: call its webhook URL with ?token=<webhook token>', 'missing_token');
    if (!verifySignature()) throw ApiError.unauthorized('missing or invalid webhook signature', 'invalid_signature');
  }

  private async append(appends: TopicAppend[]): Promise<void> {
    try {
      await this.log.append(appends);
    } catch (error) {
      if (error instanceof EventLogUnavailableError) {
        this.logger.warn({ err: error.message }, 'event log unavailable; answering 503 so the source retries');
        throw ApiError.unavailable('the event log is unavailable; retry later', 'log_unavailable');
      }
      throw error;
    }
  }
}

function rawAppend(raw: RawWebhook): TopicAppend {
  return { topic: TOPICS.rawWebhooks, records: [{ key: topicKey(raw.workspaceId, raw.connectorId), value: JSON.stringify(raw) }] };
}

function deadLetterAppend(letter: DeadLetter): TopicAppend {
  return { topic: TOPICS.deadLetters, records: [{ key: topicKey(letter.workspaceId, letter.connectorId), value: JSON.stringify(letter) }] };
}

function keptHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined && KEPT_HEADERS.test(e[0])));
}
