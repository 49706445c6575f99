import type { CanonicalEvent } from './canonical-event.schema';
import type { EventSource } from './event-types';

/** What a connector knows about the delivery and the connector it arrived on. */
export interface NormalisationContext {
  readonly workspaceId: string;
  readonly connectorId: string;
  /** When the gateway received the delivery (UTC ISO ms). */
  readonly receivedAt: string;
  /** Connector settings (e.g. Jira story-point custom field id); connector-specific keys. */
  readonly settings: Readonly<Record<string, unknown>>;
}

export type NormalisationResult =
  | { readonly kind: 'events'; readonly events: CanonicalEvent[] }
  | { readonly kind: 'ignored'; readonly reason: string };

/** The payload does not match the source's schema at all: the gateway answers 400. */
export class PayloadSchemaError extends Error {
  constructor(
    message: string,
    readonly details: ReadonlyArray<{ path: string; message: string }> = [],
  ) {
    super(message);
    this.name = 'PayloadSchemaError';
  }
}

/** The payload is well-formed but cannot become canonical events: it goes to the dead-letter topic. */
export class NormalisationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NormalisationError';
  }
}

export interface WebhookRequest {
  readonly rawBody: Buffer;
  /** Lower-cased header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface ConnectorCredentials {
  readonly secret: string | null;
  /** The callback URL exactly as registered at the source (Trello signs it). */
  readonly callbackUrl: string | null;
}

/**
 * One per source. Pure: verification and normalisation are functions of their inputs, so the
 * gateway, the import jobs and the re-drive of dead letters share them.
 */
export interface WebhookConnector {
  readonly source: EventSource;
  /** True when the delivery is authentic (signature or equivalent). */
  verify(request: WebhookRequest, credentials: ConnectorCredentials): boolean;
  /** A stable id of the delivery (source delivery header or a hash of the body). */
  deliveryId(request: WebhookRequest): string;
  /** Schema-checks and normalises. Throws PayloadSchemaError (400) or NormalisationError (DLQ). */
  normalise(body: unknown, context: NormalisationContext): NormalisationResult;
}
