import { Module } from '@nestjs/common';
import { ClaimReviewController } from './claim-review.controller.js';
import { ClaimReviewService } from './claim-review.service.js';

@Module({ controllers: [ClaimReviewController], providers: [ClaimReviewService] })
export class ClaimReviewModule {}
