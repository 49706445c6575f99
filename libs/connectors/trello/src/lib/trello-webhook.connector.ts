import { createHash } from 'node:crypto';
import type {
  ConnectorCredentials,
  NormalisationContext,
  NormalisationResult,
  WebhookConnector,
  WebhookRequest,
} from '@flowlens/contracts';
import { trelloActionToEvents } from './normalise/trello-action.normaliser';
import { parseOrReject } from './schema/zod-details.util';
import { trelloWebhookSchema } from './schema/trello-webhook.schema';
import { verifyTrelloSignature } from './signature/trello-signature.util';

export const TRELLO_SIGNATURE_HEADER = 'x-trello-webhook';

/** Trello webhooks: HMAC-SHA1 signed deliveries of one action each. */
export class TrelloWebhookConnector implements WebhookConnector {
  readonly source = 'trello' as const;

  verify(request: WebhookRequest, credentials: ConnectorCredentials): boolean {
    return verifyTrelloSignature(
      request.rawBody,
      request.headers[TRELLO_SIGNATURE_HEADER],
      credentials.secret,
      credentials.callbackUrl,
    );
  }

  /** The action id (Trello retries carry the same action), else a hash of the body. */
  deliveryId(request: WebhookRequest): string {
    const actionId = readActionId(request.rawBody);
    return actionId ?? createHash('sha256').update(request.rawBody).digest('hex');
  }

  normalise(body: unknown, context: NormalisationContext): NormalisationResult {
    const delivery = parseOrReject(trelloWebhookSchema, body, 'Trello webhook delivery');
    return trelloActionToEvents(delivery.action, context, { boardId: delivery.model?.idBoard ?? null }, { observe: true });
  }
}

function readActionId(rawBody: Buffer): string | null {
  try {
    const parsed: unknown = JSON.parse(rawBody.toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null) return null;
    const action: unknown = (parsed as { action?: unknown }).action;
    if (typeof action !== 'object' || action === null) return null;
    const id: unknown = (action as { id?: unknown }).id;
    return typeof id === 'string' && id.length > 0 && id.length <= 128 ? id : null;
  } catch {
    return null;
  }
}
