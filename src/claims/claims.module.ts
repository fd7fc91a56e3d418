import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { ClaimHistory } from './claim-history.service.js';
import { ClaimListing } from './claim-listing.service.js';
import { ClaimWorkflow } from './claim-workflow.service.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';

@Module({
  imports: [IdempotencyModule],
  controllers: [ClaimsController],
  providers: [ClaimsService, ClaimWorkflow, ClaimListing, ClaimHistory],
  exports: [ClaimsService],
})
export class ClaimsModule {}
