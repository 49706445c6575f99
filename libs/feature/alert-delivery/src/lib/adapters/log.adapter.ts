import { Logger } from '@nestjs/common';
import { sent, type SendOutcome } from '../dispatch/retry-policy';
import type { ChannelAdapter, Delivery } from './channel-adapter';
import { subjectOf } from './delivery-message';

/** The demo channel: one log line per notification, always sent. */
export class LogAdapter implements ChannelAdapter {
  private readonly logger = new Logger('AlertLogChannel');

  send({ deliveryId, channel, message }: Delivery): Promise<SendOutcome> {
    const count = message.kind === 'alert' ? ` (${message.body.alerts.length} alert${message.body.alerts.length === 1 ? '' : 's'})` : '';
    this.logger.log(`${subjectOf(message)}${count} -> channel "${channel.name}" [delivery ${deliveryId}]`);
    return Promise.resolve(sent);
  }
}
