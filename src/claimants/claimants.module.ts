import { Global, Module } from '@nestjs/common';
import { CLAIMANT_DIRECTORY } from '../claims/claimant-directory.js';
import { AdvicePoolModule } from '../database/advice-pool.module.js';
import { ClaimantSearchService } from './claimant-search.service.js';
import { ClaimantsController } from './claimants.controller.js';
import { ClaimantsService } from './claimants.service.js';

// Global so that claims/ (a floor below, which may not import this room) and publishing/
// receive the ClaimantDirectory they declare, wherever their modules are imported.
@Global()
@Module({
  imports: [AdvicePoolModule],
  controllers: [ClaimantsController],
  providers: [
    ClaimantsService,
    ClaimantSearchService,
    { provide: CLAIMANT_DIRECTORY, useExisting: ClaimantSearchService },
  ],
  exports: [CLAIMANT_DIRECTORY],
})
export class ClaimantsModule {}
