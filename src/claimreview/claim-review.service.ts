import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { DomainError } from '../common/problem/domain-error.js';
import { type ClaimStatus, DECIDED_STATUSES, isDecided } from '../domain/claim-status.js';
import { claimReview, ReviewedClaim, ReviewSource } from './claim-review.js';

@Injectable()
export class ClaimReviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  // One snapshot for the claim and its evidence, so the review never mixes two versions.
  async forClaim(claimId: string, url: string) {
    const { claim, sources } = await this.dataSource.transaction(
      'REPEATABLE READ',
      async (manager) => {
        const [claim] = (await manager.query(
          `SELECT id, text, claimant, to_char(claimed_at, 'YYYY-MM-DD') AS "claimedAt",
                  appearance_url AS "appearanceUrl", status, rationale,
                  to_char(decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
                    AS "decidedAt"
             FROM claims WHERE id = $1`,
          [claimId],
        )) as (Omit<ReviewedClaim, 'status'> & { status: ClaimStatus; decidedAt: string | null })[];
        if (!claim) return { claim: undefined, sources: [] };
        const sources = (await manager.query(
          `SELECT s.title, s.url, s.publisher, cs.stance
             FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
            WHERE cs.claim_id = $1
            ORDER BY cs.attached_at, s.id`,
          [claimId],
        )) as ReviewSource[];
        return { claim, sources };
      },
    );
    if (!claim) throw new DomainError('not-found', 'No such claim.');
    if (!isDecided(claim.status) || !claim.decidedAt) {
      throw new DomainError(
        'conflict',
        `The claim is ${claim.status}; a ClaimReview exists only for a decided claim ` +
          `(${DECIDED_STATUSES.join(', ')}).`,
      );
    }
    return claimReview({ ...claim, status: claim.status, decidedAt: claim.decidedAt }, sources, {
      newsroomName: this.config.newsroomName,
      url,
    });
  }
}
