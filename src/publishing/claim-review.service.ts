import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/problem/domain-error.js';
import { findPublishableClaim } from '../claims/claim-reads.js';
import { DECIDED_STATUSES, isDecided } from '../domain/claim-status.js';
import { claimReview } from './claim-review.js';

@Injectable()
export class ClaimReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  // One snapshot for the claim and its evidence, so the review never mixes two versions.
  async forClaim(claimId: string, url: string) {
    const claim = await this.dataSource.transaction('REPEATABLE READ', (manager) =>
      findPublishableClaim(manager, claimId),
    );
    if (!claim) throw new DomainError('not-found', 'No such claim.');
    if (!isDecided(claim.status) || !claim.decidedAt) {
      throw new DomainError(
        'conflict',
        `The claim is ${claim.status}; a ClaimReview exists only for a decided claim ` +
          `(${DECIDED_STATUSES.join(', ')}).`,
      );
    }
    return claimReview(
      { ...claim, status: claim.status, decidedAt: claim.decidedAt },
      claim.sources,
      {
        newsroomName: this.config.newsroomName,
        url,
      },
    );
  }
}
