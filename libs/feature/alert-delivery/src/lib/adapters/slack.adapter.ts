import { permanent, type SendOutcome } from '../dispatch/retry-policy';
import type { ChannelAdapter, Delivery } from './channel-adapter';
import { postJson } from './http-post';
import { renderSlack } from './slack-message';

/** Slack incoming webhook: `text` + `blocks`. The Idempotency-Key goes along for proxies that honour it. */
export class SlackAdapter implements ChannelAdapter {
  constructor(private readonly options: { readonly blockPrivate: boolean }) {}

  send({ deliveryId, channel, message }: Delivery): Promise<SendOutcome> {
    if (!channel.url) return Promise.resolve(permanent('the Slack channel has no URL'));
    return postJson(channel.url, JSON.stringify(renderSlack(message)), { 'idempotency-key': deliveryId }, this.options);
  }
}
