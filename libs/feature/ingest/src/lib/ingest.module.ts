import { Module } from '@nestjs/common';
import { AcceptedIdsFollower } from './accepted-ids-follower';
import { ConnectorRateLimiter } from './connector-rate-limiter';
import { DeadLetterMetrics } from './dead-letter.metrics';
import { DeadLettersController } from './dead-letters.controller';
import { DeadLettersService } from './dead-letters.service';
import { DeliveryLog } from './delivery-log';
import { RecentEventIds } from './recent-event-ids';
import { defaultWebhookConnectors, WEBHOOK_CONNECTORS } from './webhook-connectors';
import { WebhookIntakeService } from './webhook-intake.service';
import { WebhooksController } from './webhooks.controller';

/** Webhook endpoints (verify, normalise, append raw + canonical events) and the dead letters they leave. */
@Module({
  controllers: [WebhooksController, DeadLettersController],
  providers: [
    WebhookIntakeService,
    DeadLettersService,
    DeadLetterMetrics,
    DeliveryLog,
    AcceptedIdsFollower,
    RecentEventIds,
    ConnectorRateLimiter,
    { provide: WEBHOOK_CONNECTORS, useFactory: defaultWebhookConnectors },
  ],
  exports: [WebhookIntakeService, WEBHOOK_CONNECTORS],
})
export class IngestModule {}
