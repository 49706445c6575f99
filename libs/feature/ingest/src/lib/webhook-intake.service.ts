import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { EventSource } from '@flowlens/contracts';
import { safeEqual, sha256Hex } from '@flowlens/auth';
import { ConnectorRepository, type ConnectorRecord, DeadLetterRepository } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { DeliveryLog, type RawDelivery } from './delivery-log';
import { normaliseDelivery } from './normalise-delivery';
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
    private readonly deliveries: DeliveryLog,
    private readonly deadLetters: DeadLetterRepository,
    @Inject(WEBHOOK_CONNECTORS) private readonly registry: WebhookConnectorRegistry,
  ) {}

  /** The connector behind a webhook URL, or 404. */
  async connectorFor(source: EventSource, connectorId: string): Promise<ConnectorRecord> {
    const connector = await this.connectors.findCachedById(connectorId);
    if (!connector || connector.type !== source) throw ApiError.notFound(`no ${source} connector with id ${connectorId}`, 'unknown_connector');
    return connector;
  }

  async receive(source: EventSource, connectorId: string, delivery: WebhookDelivery): Promise<IntakeResult> {
    let connector = await this.connectorFor(source, connectorId);
    const adapter = this.registry.get(source);
    if (!adapter) throw ApiError.notFound(`no webhook connector for ${source}`);
    if (!delivery.rawBody) {
      throw new ApiError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'unsupported_media_type', 'the webhook body must be JSON (Content-Type: application/json)');
    }
    const request = { rawBody: delivery.rawBody, headers: delivery.headers };
    const authenticate = (c: ConnectorRecord) => this.authenticate(c, delivery.token, () => adapter.verify(request, { secret: c.secret, callbackUrl: c.callbackUrl }));
    try {
      authenticate(connector);
    } catch (refusal) {
      if (!(refusal instanceof ApiError)) throw refusal;
      // The cached copy may predate a rotation made by another process: look once more before refusing.
      this.connectors.invalidate(connector.id);
      connector = await this.connectorFor(source, connectorId);
      authenticate(connector);
    }

    const receivedAt = new Date().toISOString();
    const raw: RawDelivery = {
      deliveryId: adapter.deliveryId(request),
      workspaceId: connector.workspaceId,
      connectorId: connector.id,
      source,
      receivedAt,
      headers: keptHeaders(delivery.headers),
      body: delivery.rawBody.toString('utf8'),
    };

    const result = normaliseDelivery(adapter, delivery.body, { workspaceId: connector.workspaceId, connectorId: connector.id, receivedAt, settings: connector.settings });
    switch (result.kind) {
      case 'schema-error':
        throw ApiError.badRequest(`the payload is not a valid ${source} webhook: ${result.error.message}`, result.error.details, 'invalid_payload');
      case 'failed':
        if (result.unexpected) this.logger.error({ connectorId, deliveryId: raw.deliveryId }, `${result.reason}; dead-lettering`);
        await this.deliveries.deadLettered(raw, result.reason);
        await this.recordDeadLetter(raw, result.reason);
        return { accepted: 0, duplicates: 0, deadLettered: result.reason };
      case 'ignored':
        await this.deliveries.ignored(raw, result.reason);
        return { accepted: 0, duplicates: 0, ignored: result.reason };
      case 'events':
        return this.deliveries.accepted(raw, result.events);
    }
  }

  /**
   * After the durable append, so the listing never shows a letter the log lacks. If PostgreSQL
   * fails here the answer is 503: the source retries and the retry counts one more attempt.
   */
  private async recordDeadLetter(raw: RawDelivery, reason: string): Promise<void> {
    try {
      await this.deadLetters.record({ ...raw, reason });
    } catch (error) {
      this.logger.error({ err: error, deliveryId: raw.deliveryId }, 'could not record the dead letter in PostgreSQL');
      throw ApiError.unavailable('the dead letter could not be recorded; retry later', 'dead_letter_store_unavailable');
    }
  }

  private authenticate(connector: ConnectorRecord, token: string | undefined, verifySignature: () => boolean): void {
    if (token !== undefined) {
      if (!safeEqual(sha256Hex(token), connector.tokenHash)) throw ApiError.unauthorized('invalid webhook token', 'invalid_token');
      return;
    }
    if (connector.secret === null) throw ApiError.unauthorized('this connector has no secret: call its webhook URL with ?token=<webhook token>', 'missing_token');
    if (!verifySignature()) throw ApiError.unauthorized('missing or invalid webhook signature', 'invalid_signature');
  }
}

function keptHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined && KEPT_HEADERS.test(e[0])));
}
