import { randomUUID } from 'node:crypto';
import { signGenericBody } from '@flowlens/connector-generic';
import { signJiraBody } from '@flowlens/connector-jira';
import { trelloSignature } from '@flowlens/connector-trello';
import { ApiClient } from '@flowlens/testing';

export interface IntakeAnswer {
  readonly accepted: number;
  readonly duplicates: number;
  readonly ignored?: string;
  readonly deadLettered?: string;
  readonly error?: { readonly code: string; readonly message: string };
}

/** Posts deliveries to a gateway signed as each tool signs them (the body is signed exactly as sent). */
export class WebhookSender {
  private readonly client: ApiClient;

  constructor(gatewayUrl: string) {
    this.client = new ApiClient(gatewayUrl);
  }

  /** Jira: `X-Hub-Signature` and a delivery id that a retry repeats. */
  jira(path: string, payload: unknown, secret: string, deliveryId: string = randomUUID(), extra: Record<string, string> = {}) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return this.client.post<IntakeAnswer>(path, body, {
      'content-type': 'application/json',
      'user-agent': 'Atlassian Webhook HTTP Client',
      'x-atlassian-webhook-identifier': deliveryId,
      'x-hub-signature': signJiraBody(Buffer.from(body), secret),
      ...extra,
    });
  }

  /** Trello: `X-Trello-Webhook` over the body and the callback URL as registered. */
  trello(path: string, payload: unknown, secret: string, callbackUrl: string) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return this.client.post<IntakeAnswer>(path, body, { 'content-type': 'application/json', 'x-trello-webhook': trelloSignature(body, secret, callbackUrl) });
  }

  /** Generic: `X-Flowlens-Signature` (HMAC-SHA256). */
  generic(path: string, payload: unknown, secret: string) {
    const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
    return this.client.post<IntakeAnswer>(path, body, { 'content-type': 'application/json', 'x-flowlens-signature': signGenericBody(body, secret) });
  }
}
