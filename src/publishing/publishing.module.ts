import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { ClaimReviewController } from './claim-review.controller.js';
import { PublicationController } from './publication.controller.js';
import { PublicationService } from './publication.service.js';
import { PublishedFactChecksService } from './published-fact-checks.service.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [PublicationController, ClaimReviewController],
  providers: [PublicationService, PublishedFactChecksService],
  exports: [PublishedFactChecksService, PublicationService],
})
export class PublishingModule {}
