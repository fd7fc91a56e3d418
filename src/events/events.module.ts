import { Module } from '@nestjs/common';
import { ClaimsModule } from '../claims/claims.module.js';
import { AppConfig } from '../config/app-config.js';
import { DeliveryOutcome } from './delivery-outcome.js';
import { DeliveryWorker } from './delivery-worker.service.js';
import { WebhookDeliveriesService } from './webhook-deliveries.service.js';
import { SecretBox } from './webhook-secret.js';
import { WebhooksController } from './webhooks.controller.js';
import { WebhooksService } from './webhooks.service.js';

// Events out (SPEC §13): webhook subscriptions and their deliveries, fed by the audit trail.
@Module({
  imports: [ClaimsModule],
  controllers: [WebhooksController],
  providers: [
    WebhooksService,
    WebhookDeliveriesService,
    DeliveryWorker,
    DeliveryOutcome,
    {
      provide: SecretBox,
      useFactory: (config: AppConfig) => SecretBox.fromConfig(config.webhookSecretKey),
      inject: [AppConfig],
    },
  ],
})
export class EventsModule {}
