import { type DynamicModule, Module } from '@nestjs/common';
import { ALERT_DELIVERY_OPTIONS, type AlertDeliveryOptions } from './alert-delivery.options';
import { AlertChannelStore } from './channels/alert-channel.store';
import { AlertChannelsController } from './channels/alert-channels.controller';
import { AlertChannelsService } from './channels/alert-channels.service';
import { AlertDeliveriesController } from './dispatch/alert-deliveries.controller';
import { AlertDispatcherService } from './dispatch/alert-dispatcher.service';
import { DeliveryOutboxStore } from './dispatch/delivery-outbox.store';

export interface AlertDeliveryModuleOptions extends AlertDeliveryOptions {
  /** Serve the channels, delivery log and digest routes (an API process). */
  readonly api: boolean;
  /** Send the outbox (and scheduled digests) from this process (the alerting service). */
  readonly dispatch: boolean;
}

/** Channels, the delivery log, digests, and the dispatcher that sends the outbox; either half or both per process. */
@Module({})
export class AlertDeliveryModule {
  static forRoot({ api, dispatch, ...options }: AlertDeliveryModuleOptions): DynamicModule {
    return {
      module: AlertDeliveryModule,
      controllers: api ? [AlertChannelsController, AlertDeliveriesController] : [],
      providers: [
        { provide: ALERT_DELIVERY_OPTIONS, useValue: options },
        AlertChannelStore,
        DeliveryOutboxStore,
        ...(api ? [AlertChannelsService] : []),
        ...(dispatch ? [AlertDispatcherService] : []),
      ],
    };
  }
}
