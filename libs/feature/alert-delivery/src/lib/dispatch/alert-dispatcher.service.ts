import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ALERT_DELIVERY_OPTIONS, type AlertDeliveryOptions } from '../alert-delivery.options';
import { AlertChannelStore } from '../channels/alert-channel.store';
import { AlertDispatcher } from './alert-dispatcher';
import { ChannelAdapters } from './channel-adapters';
import { DeliveryOutboxStore } from './delivery-outbox.store';

/** The dispatcher as a service of the process: started with the module, drained on shutdown. */
@Injectable()
export class AlertDispatcherService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('AlertDispatcher');
  private readonly adapters: ChannelAdapters;
  private readonly dispatcher: AlertDispatcher;

  constructor(outbox: DeliveryOutboxStore, channels: AlertChannelStore, @Inject(ALERT_DELIVERY_OPTIONS) private readonly options: AlertDeliveryOptions) {
    this.adapters = new ChannelAdapters(options);
    this.dispatcher = new AlertDispatcher(outbox, channels, this.adapters, options);
  }

  onModuleInit(): void {
    this.dispatcher.start();
    this.logger.log(`sending alert deliveries (poll ${this.options.pollMs} ms, retries from ${this.options.retryBaseMs} ms, at most ${this.options.retryMax} tries; e-mail ${this.options.smtpUrl ? 'on' : 'off: SMTP_URL unset'})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.stop();
    this.adapters.close();
  }

  wake(): void {
    this.dispatcher.wake();
  }
}
