import { HttpStatus, Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { EventSource } from '@flowlens/contracts';
import { safeEqual, sha256Hex } from '@flowlens/auth';
import { acceptedSecrets, ConnectorRepository, type ConnectorRecord, DeadLetterRepository } from '@flowlens/persistence';
import { ApiError, PublicUrls, webhookPathOf } from '@flowlens/platform';
import { ConnectorRateLimiter } from './connector-rate-limiter';
import { DeliveryLog, type RawDelivery } from './delivery-log';
import { normaliseDelivery } from './normalise-delivery';
import { WEBHOOK_CONNECTORS, type WebhookConnectorRegistry } from './webhook-connectors';

export interface WebhookDelivery {
  readonly rawBody: Buffer | undefined;
  readonly body: unknown;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly token: string | undefined;
  /** The URL as the request reached Flowlens; what Trello signed when nothing else is known. */
  readonly url?: string | null;
}

export interface IntakeResult {
  readonly accepted: number;
  readonly duplicates: number;
  readonly ignored?: string;
  readonly deadLettered?: string;
}

/** How a delivery ended, for the webhook metrics (a fixed set of labels). */
export function webhookOutcomeOf(result: IntakeResult): string {
  if (result.deadLettered !== undefined) return 'dead_lettered';
  if (result.ignored !== undefined) return 'ignored';
  return result.accepted > 0 || result.duplicates === 0 ? 'events' : 'duplicate';
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
    private readonly rateLimiter: ConnectorRateLimiter,
    @Optional() private readonly urls: PublicUrls = new PublicUrls(),
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
    // During a rotation's overlap a delivery signed with either secret is genuine.
    const authenticate = (c: ConnectorRecord) => {
      const callbackUrl = this.callbackUrlOf(c, delivery);
      this.authenticate(c, delivery.token, callbackUrl, () => acceptedSecrets(c).some((secret) => adapter.verify(request, { secret, callbackUrl })));
    };
    try {
      authenticate(connector);
    } catch (refusal) {
      if (!(refusal instanceof ApiError)) throw refusal;
      // The cached copy may predate a rotation made by another process: look once more before refusing.
      this.connectors.invalidate(connector.id);
      connector = await this.connectorFor(source, connectorId);
      authenticate(connector);
    }
    if (!connector.enabled) throw ApiError.forbidden(`connector ${connector.id} is disabled; enable it with PATCH /api/v1/connectors/{id} { "enabled": true }`, 'connector_disabled');
    await this.rateLimiter.take(connector);

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

  /**
   * The URL Trello signed: the one stored with the connector, else FLOWLENS_PUBLIC_URL + the
   * webhook path, else the URL as the request reached Flowlens.
   */
  private callbackUrlOf(connector: ConnectorRecord, delivery: WebhookDelivery): string | null {
    return connector.callbackUrl ?? this.urls.configured(webhookPathOf(connector)) ?? delivery.url ?? null;
  }

  private authenticate(connector: ConnectorRecord, token: string | undefined, callbackUrl: string | null, verifySignature: () => boolean): void {
    if (token !== undefined) {
      if (!safeEqual(sha256Hex(token), connector.tokenHash)) throw ApiError.unauthorized('invalid webhook token', 'invalid_token');
      return;
    }
    if (connector.secret === null) throw ApiError.unauthorized('this connector has no secret: call its webhook URL with ?token=<webhook token>', 'missing_token');
    if (verifySignature()) return;
    // Trello signs body + callback URL: a URL that differs from the registered one is the usual cause.
    if (connector.type === 'trello') {
      throw new ApiError(HttpStatus.UNAUTHORIZED, 'invalid_signature', `missing or invalid webhook signature (checked against the callback URL ${callbackUrl ?? '(unknown)'})`, [
        { path: 'callbackUrl', message: `${callbackUrl ?? '(unknown)'}: register this exact URL at Trello, or store the registered one with PATCH /api/v1/connectors/${connector.id}` },
      ]);
    }
    throw ApiError.unauthorized('missing or invalid webhook signature', 'invalid_signature');
  }
}

function keptHeaders(headers: Readonly<Record<string, string | undefined>>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter((e): e is [string, string] => e[1] !== undefined && KEPT_HEADERS.test(e[0])));
}
