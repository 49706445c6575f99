import { createHash } from 'node:crypto';
import type {
  ConnectorCredentials,
  NormalisationContext,
  NormalisationResult,
  WebhookConnector,
  WebhookRequest,
} from '@flowlens/contracts';
import { normaliseGenericBody } from './generic-event.normaliser';
import { GENERIC_SIGNATURE_HEADER, verifyGenericSignature } from './generic-signature.util';

export const GENERIC_DELIVERY_HEADER = 'x-flowlens-delivery';
const DELIVERY_ID = /^[\x21-\x7e]{1,200}$/;

/** `POST /webhooks/generic/{connectorId}`: any tool sending the documented canonical-style events. */
export class GenericWebhookConnector implements WebhookConnector {
  readonly source = 'generic' as const;

  /**
   * With a secret, the body must carry `x-flowlens-signature: sha256=<hex HMAC-SHA256>`. Without
   * one, the unguessable connector id in the URL is the only credential (documented as weaker).
   */
  verify(request: WebhookRequest, credentials: ConnectorCredentials): boolean {
    if (!credentials.secret) return true;
    return verifyGenericSignature(request.rawBody, request.headers[GENERIC_SIGNATURE_HEADER], credentials.secret);
  }

  /** The sender's `x-flowlens-delivery` header when usable, else the SHA-256 of the body. */
  deliveryId(request: WebhookRequest): string {
    const header = request.headers[GENERIC_DELIVERY_HEADER]?.trim();
    if (header && DELIVERY_ID.test(header)) return header;
    return createHash('sha256').update(request.rawBody).digest('hex');
  }

  normalise(body: unknown, context: NormalisationContext): NormalisationResult {
    return normaliseGenericBody(body, context);
  }
}
