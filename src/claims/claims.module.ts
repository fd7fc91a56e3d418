import { Module } from '@nestjs/common';
import { IdempotencyModule } from '../common/idempotency/idempotency.module.js';
import { AdvicePoolModule } from '../database/advice-pool.module.js';
import { ClaimBulkService } from './bulk/claim-bulk.service.js';
import { ClaimAssignmentService } from './claim-assignment.service.js';
import { ClaimHistoryService } from './claim-history.service.js';
import { ClaimListingService } from './claim-listing.service.js';
import { ClaimWorkflowService } from './claim-workflow.service.js';
import { ClaimsController } from './claims.controller.js';
import { ClaimsService } from './claims.service.js';
import { DuplicateLookupService } from './duplicates/duplicate-lookup.service.js';
import { WordStatisticsService } from './duplicates/word-statistics.service.js';
import { ClaimMergeService } from './merge/claim-merge.service.js';

@Module({
  imports: [IdempotencyModule, AdvicePoolModule],
  controllers: [ClaimsController],
  providers: [
    ClaimsService,
    ClaimAssignmentService,
    ClaimBulkService,
    ClaimWorkflowService,
    ClaimListingService,
    ClaimHistoryService,
    ClaimMergeService,
    DuplicateLookupService,
    WordStatisticsService,
  ],
  exports: [ClaimsService],
})
export class ClaimsModule {}
