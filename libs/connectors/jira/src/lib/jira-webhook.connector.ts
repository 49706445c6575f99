import type {
  ConnectorCredentials,
  NormalisationContext,
  NormalisationResult,
  WebhookConnector,
  WebhookRequest,
} from '@flowlens/contracts';
import { jiraDeliveryId } from './delivery-id.util';
import { normaliseJiraWebhook } from './normalise/jira-webhook.normaliser';
import { verifyJiraSignature } from './signature.util';

/**
 * Jira's side of the gateway. A connector registered without a secret cannot be verified here:
 * the gateway authenticates those by the URL token instead, so `verify` answers false.
 */
export class JiraWebhookConnector implements WebhookConnector {
  readonly source = 'jira' as const;

  verify(request: WebhookRequest, credentials: ConnectorCredentials): boolean {
    if (!credentials.secret) return false;
    return verifyJiraSignature(request.rawBody, request.headers['x-hub-signature'], credentials.secret);
  }

  deliveryId(request: WebhookRequest): string {
    return jiraDeliveryId(request);
  }

  normalise(body: unknown, context: NormalisationContext): NormalisationResult {
    return normaliseJiraWebhook(body, context);
  }
}
