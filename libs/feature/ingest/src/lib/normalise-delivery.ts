import {
  type CanonicalEvent,
  NormalisationError,
  type NormalisationContext,
  PayloadSchemaError,
  type WebhookConnector,
} from '@flowlens/contracts';

export type NormalisedDelivery =
  | { readonly kind: 'events'; readonly events: CanonicalEvent[] }
  | { readonly kind: 'ignored'; readonly reason: string }
  | { readonly kind: 'schema-error'; readonly error: PayloadSchemaError }
  | { readonly kind: 'failed'; readonly reason: string; readonly unexpected: boolean };

/**
 * Runs a connector's normaliser and sorts the outcome. A throw other than the two contract errors
 * is a connector bug: it is dead-lettered like a NormalisationError (nothing accepted is lost) and
 * flagged so the caller logs it.
 */
export function normaliseDelivery(connector: WebhookConnector, body: unknown, context: NormalisationContext): NormalisedDelivery {
  try {
    return connector.normalise(body, context);
  } catch (error) {
    if (error instanceof PayloadSchemaError) return { kind: 'schema-error', error };
    if (error instanceof NormalisationError) return { kind: 'failed', reason: error.message, unexpected: false };
    return { kind: 'failed', reason: `normaliser failed: ${(error as Error).message}`, unexpected: true };
  }
}
