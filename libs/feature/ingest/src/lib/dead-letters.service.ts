import { Inject, Injectable, Logger } from '@nestjs/common';
import { ConnectorRepository, DeadLetterRepository, type DeadLetterEntity, type DeadLetterStatus } from '@flowlens/persistence';
import { ApiError } from '@flowlens/platform';
import { decodeDeadLetterCursor, encodeDeadLetterCursor } from './dead-letter.cursor';
import { deadLetterSummary, type DeadLetterSummary } from './dead-letter.dto';
import { DeliveryLog, type RawDelivery } from './delivery-log';
import { normaliseDelivery } from './normalise-delivery';
import { WEBHOOK_CONNECTORS, type WebhookConnectorRegistry } from './webhook-connectors';

export interface DeadLetterPage {
  readonly items: DeadLetterSummary[];
  readonly nextCursor: string | null;
}

export interface RedriveResult extends DeadLetterSummary {
  readonly accepted: number;
  readonly duplicates: number;
  readonly ignored?: string;
}

/** Lists dead letters and re-drives them through the connector's current normaliser and settings. */
@Injectable()
export class DeadLettersService {
  private readonly logger = new Logger(DeadLettersService.name);

  constructor(
    private readonly letters: DeadLetterRepository,
    private readonly connectors: ConnectorRepository,
    private readonly deliveries: DeliveryLog,
    @Inject(WEBHOOK_CONNECTORS) private readonly registry: WebhookConnectorRegistry,
  ) {}

  async list(workspaceId: string, query: { status?: DeadLetterStatus; limit: number; cursor?: string }): Promise<DeadLetterPage> {
    const after = query.cursor === undefined ? undefined : decodeDeadLetterCursor(query.cursor);
    // One row more than asked says whether there is a next page.
    const rows = await this.letters.list(workspaceId, { status: query.status, limit: query.limit + 1, after });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return { items: page.map(deadLetterSummary), nextCursor: rows.length > query.limit && last ? encodeDeadLetterCursor(last) : null };
  }

  async get(workspaceId: string, deliveryId: string): Promise<DeadLetterEntity> {
    const letter = await this.letters.find(workspaceId, deliveryId);
    if (!letter) throw ApiError.notFound(`no dead letter with delivery id ${deliveryId}`, 'unknown_dead_letter');
    return letter;
  }

  /**
   * Normalises the stored body again as a live delivery would be now. Success appends the raw
   * record and the events exactly as the webhook would have (same event ids); a failure counts an
   * attempt and answers 422 with the reason.
   */
  async redrive(workspaceId: string, deliveryId: string): Promise<RedriveResult> {
    const letter = await this.get(workspaceId, deliveryId);
    if (letter.status === 'redriven') throw ApiError.conflict(`dead letter ${deliveryId} was already re-driven`);
    const connector = await this.connectors.findById(letter.connectorId);
    const adapter = this.registry.get(letter.source);
    if (!connector || !adapter) throw ApiError.conflict(`the connector of dead letter ${deliveryId} no longer exists`);

    const receivedAt = letter.receivedAt.toISOString();
    const result = normaliseDelivery(adapter, parseStoredBody(letter.body), { workspaceId, connectorId: connector.id, receivedAt, settings: connector.settings });
    if (result.kind === 'schema-error' || result.kind === 'failed') {
      const reason = result.kind === 'failed' ? result.reason : `the payload no longer passes the ${letter.source} schema: ${result.error.message}`;
      const updated = await this.letters.recordFailedAttempt(workspaceId, deliveryId, reason);
      this.logger.warn({ deliveryId, attempts: updated?.attempts }, 're-drive still fails');
      throw ApiError.unprocessable(`re-drive failed: ${reason}`, 'still_failing');
    }

    const raw: RawDelivery = { deliveryId, workspaceId, connectorId: connector.id, source: letter.source, receivedAt, headers: letter.headers, body: letter.body };
    let outcome: { accepted: number; duplicates: number; ignored?: string };
    if (result.kind === 'ignored') {
      await this.deliveries.ignored(raw, result.reason);
      outcome = { accepted: 0, duplicates: 0, ignored: result.reason };
    } else {
      outcome = await this.deliveries.accepted(raw, result.events);
    }
    const redriven = (await this.letters.markRedriven(workspaceId, deliveryId, ['open', 'discarded'])) ?? (await this.get(workspaceId, deliveryId));
    this.logger.log({ deliveryId, accepted: outcome.accepted }, 'dead letter re-driven');
    return { ...deadLetterSummary(redriven), ...outcome };
  }

  async discard(workspaceId: string, deliveryId: string): Promise<DeadLetterSummary> {
    const letter = await this.get(workspaceId, deliveryId);
    if (letter.status === 'discarded') return deadLetterSummary(letter);
    if (letter.status === 'redriven') throw ApiError.conflict(`dead letter ${deliveryId} was already re-driven`);
    const discarded = await this.letters.discard(workspaceId, deliveryId);
    return deadLetterSummary(discarded ?? (await this.get(workspaceId, deliveryId)));
  }
}

/** Bodies are stored as received, and only JSON bodies ever reach a normaliser. */
function parseStoredBody(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}
