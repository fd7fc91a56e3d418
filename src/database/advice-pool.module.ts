import { Module } from '@nestjs/common';
import { AdvicePool } from './advice-pool.js';

// The pool of the reads that advise a submission: the duplicate lookup (claims/) and the
// claimant suggestions (claimants/) both import this module, and Nest makes one instance
// of it per process, so they share one pool and its bound.
@Module({ providers: [AdvicePool], exports: [AdvicePool] })
export class AdvicePoolModule {}
