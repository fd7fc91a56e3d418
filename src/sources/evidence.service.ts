import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { assertMayChangeEvidence } from '../claims/claim-access.js';
import { changeOf } from '../claims/claim-changes.js';
import { lockClaim, touchClaim } from '../claims/claim-locks.js';
import { claimView, findClaimSources } from '../claims/claim-reads.js';
import { ClaimSummaryView, ClaimView } from '../claims/dto/claim.view.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { AttachEvidenceDto } from './dto/source.dto.js';
import { SourcesService } from './sources.service.js';

// Attaching and detaching evidence. Both take the claim's row lock, like transitions, so
// the evidence a decision rests on cannot change between its check and its write.
@Injectable()
export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly sources: SourcesService,
  ) {}

  async attach(
    user: AuthUser,
    claimId: string,
    precondition: VersionPrecondition | undefined,
    input: AttachEvidenceDto,
  ): Promise<ClaimView> {
    if ((input.sourceId === undefined) === (input.source === undefined)) {
      const message = 'give exactly one of sourceId and source';
      throw new DomainError('validation', message, {
        errors: [{ field: 'sourceId', message }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const { claim } = await lockClaim(manager, claimId);
      assertMayChangeEvidence(user, claim);
      assertVersionMatches(precondition, claim.version);
      if (input.sourceId && !(await this.sources.find(input.sourceId, manager))) {
        throw new DomainError('unprocessable', `sourceId: no source ${input.sourceId}.`, {
          errors: [{ field: 'sourceId', message: 'names no source' }],
        });
      }
      const sourceId =
        input.sourceId ?? (await this.sources.create(user, input.source!, manager)).source.id;
      const inserted = (await manager.query(
        `INSERT INTO claim_sources (claim_id, source_id, stance, note, attached_by)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (claim_id, source_id) DO NOTHING
         RETURNING source_id`,
        [claimId, sourceId, input.stance, input.note ?? null, user.id],
      )) as unknown[];
      if (inserted.length === 0) {
        throw new DomainError(
          'conflict',
          `Source ${sourceId} is already attached to this claim; detach it first to change its stance.`,
        );
      }
      const attached = (await findClaimSources(manager, claimId)).find(
        ({ id }) => id === sourceId,
      )!;
      return this.recordChange(manager, user, claim, 'evidence.attached', attached);
    });
  }

  async detach(
    user: AuthUser,
    claimId: string,
    sourceId: string,
    precondition: VersionPrecondition | undefined,
  ): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const { claim } = await lockClaim(manager, claimId);
      assertMayChangeEvidence(user, claim);
      assertVersionMatches(precondition, claim.version);
      const attached = (await findClaimSources(manager, claimId)).find(({ id }) => id === sourceId);
      if (!attached) {
        throw new DomainError(
          'not-found',
          `Source ${sourceId} is not attached to claim ${claimId}.`,
        );
      }
      await manager.query('DELETE FROM claim_sources WHERE claim_id = $1 AND source_id = $2', [
        claimId,
        sourceId,
      ]);
      await this.recordChange(manager, user, claim, 'evidence.detached', attached);
    });
  }

  // Evidence is part of the claim: the change bumps its version and is on its chain.
  private async recordChange(
    manager: EntityManager,
    user: AuthUser,
    before: ClaimSummaryView,
    type: 'evidence.attached' | 'evidence.detached',
    source: ClaimView['sources'][number],
  ): Promise<ClaimView> {
    const after = await touchClaim(manager, before.id);
    await this.audit.append(manager, {
      claimId: before.id,
      type,
      actor: actorOf(user),
      data: { source, ...changeOf(before, after, []) },
    });
    return claimView(manager, after);
  }
}
