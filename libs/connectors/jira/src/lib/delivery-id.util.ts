import { createHash } from 'node:crypto';
import type { WebhookRequest } from '@flowlens/contracts';

/** Jira's retry-stable delivery id when it sends one, else a hash of the body. */
export function jiraDeliveryId(request: WebhookRequest): string {
  const identifier = request.headers['x-atlassian-webhook-identifier']?.trim();
  if (identifier) return identifier;
  return `sha256:${createHash('sha256').update(request.rawBody).digest('hex')}`;
}
