import { createHmac } from 'node:crypto';
import { permanent, type SendOutcome } from '../dispatch/retry-policy';
import type { ChannelAdapter, Delivery } from './channel-adapter';
import { postJson } from './http-post';

export const SIGNATURE_HEADER = 'x-flowlens-signature';

/** `sha256=<hex HMAC-SHA256(secret, body)>` over the exact bytes sent. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** Generic webhook: the message as JSON, signed when the channel has a secret, with the delivery id as Idempotency-Key. */
export class WebhookAdapter implements ChannelAdapter {
  constructor(private readonly options: { readonly blockPrivate: boolean }) {}

  send({ deliveryId, channel, message }: Delivery): Promise<SendOutcome> {
    if (!channel.url) return Promise.resolve(permanent('the webhook channel has no URL'));
    const body = JSON.stringify(message.body);
    const headers: Record<string, string> = { 'idempotency-key': deliveryId };
    if (channel.secret) headers[SIGNATURE_HEADER] = signBody(channel.secret, body);
    return postJson(channel.url, body, headers, this.options);
  }
}
