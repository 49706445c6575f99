import type { AlertChannelType } from '@flowlens/persistence';
import type { ChannelAdapter } from '../adapters/channel-adapter';
import { EmailAdapter } from '../adapters/email.adapter';
import { LogAdapter } from '../adapters/log.adapter';
import { SlackAdapter } from '../adapters/slack.adapter';
import { WebhookAdapter } from '../adapters/webhook.adapter';
import type { AlertDeliveryOptions } from '../alert-delivery.options';

/** One adapter per channel type. */
export class ChannelAdapters {
  private readonly email: EmailAdapter;
  private readonly byType: Record<AlertChannelType, ChannelAdapter>;

  constructor(options: Pick<AlertDeliveryOptions, 'smtpUrl' | 'from' | 'blockPrivateUrls'>) {
    const http = { blockPrivate: options.blockPrivateUrls };
    this.email = new EmailAdapter({ smtpUrl: options.smtpUrl, from: options.from });
    this.byType = { webhook: new WebhookAdapter(http), slack: new SlackAdapter(http), email: this.email, log: new LogAdapter() };
  }

  for(type: AlertChannelType): ChannelAdapter {
    return this.byType[type];
  }

  close(): void {
    this.email.close();
  }
}
