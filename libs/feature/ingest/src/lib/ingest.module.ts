import { Module } from '@nestjs/common';
import { RecentEventIds } from './recent-event-ids';
import { defaultWebhookConnectors, WEBHOOK_CONNECTORS } from './webhook-connectors';
import { WebhookIntakeService } from './webhook-intake.service';
import { WebhooksController } from './webhooks.controller';

/** Webhook endpoints: verify, normalise, and append raw + canonical events to the log. */
@Module({
  controllers: [WebhooksController],
  providers: [WebhookIntakeService, RecentEventIds, { provide: WEBHOOK_CONNECTORS, useFactory: defaultWebhookConnectors }],
  exports: [WebhookIntakeService, WEBHOOK_CONNECTORS],
})
export class IngestModule {}
