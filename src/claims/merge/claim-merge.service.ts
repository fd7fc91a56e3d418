import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAppendService } from '../../audit/audit-append.service.js';
import { actorOf } from '../../auth/actor.js';
import type { AuthUser } from '../../auth/role.js';
import { assertVersionMatches, VersionPrecondition } from '../../common/http/etag.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { preparedQueryWithin } from '../../database/prepared-query.js';
import { mergeRefusal } from '../../domain/claim-access.js';
import { changeOf } from '../claim-changes.js';
import { LockedClaim, lockClaim } from '../claim-locks.js';
import { claimView } from '../claim-reads.js';
import { ClaimRow, toClaimSummary } from '../claim-sql.js';
import { MergeClaimDto } from '../dto/merge.dto.js';
import { ClaimView } from '../dto/claim.view.js';
import { MERGE_CLAIM_SQL } from './merge-sql.js';

// Folds a duplicate into the claim that stays (SPEC §15). One transaction holds both row
// locks, so the merge, its event on the merged claim's chain and its event on the target's
// chain commit together. Locks are taken in id order whichever way round the merge goes:
// A into B and B into A at once then queue instead of deadlocking, and the second finds
// the first's target merged (409).
@Injectable()
export class ClaimMergeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  async merge(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    input: MergeClaimDto,
  ): Promise<ClaimView> {
    const intoId = input.intoId.toLowerCase();
    if (intoId === id) {
      throw new DomainError('conflict', 'A claim cannot be merged into itself.', {
        errors: [{ field: 'intoId', message: 'is the claim being merged' }],
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const { claim: locked, target } = await lockBoth(manager, id, intoId);
      const before = locked.claim;
      assertVersionMatches(precondition, before.version);
      const refusal = mergeRefusal(user, before, target.claim);
      if (refusal) throw new DomainError(refusal.code, refusal.detail);

      const [row] = await preparedQueryWithin<ClaimRow>(manager, MERGE_CLAIM_SQL, [
        id,
        intoId,
        input.rationale,
        user.id,
      ]);
      const after = toClaimSummary(row);
      const actor = actorOf(user);
      await this.audit.append(
        manager,
        {
          claimId: id,
          type: 'claim.merged',
          actor,
          fromStatus: before.status,
          toStatus: after.status,
          rationale: input.rationale,
          data: changeOf(before, after, [
            'status',
            'mergedInto',
            'rationale',
            'decidedBy',
            'decidedAt',
          ]),
        },
        { expectedHead: locked.chainHead },
      );
      // The target's own record that a duplicate now lives in it: its row does not change
      // (no new version), but its history says what it absorbed and where that appeared.
      await this.audit.append(
        manager,
        {
          claimId: intoId,
          type: 'claim.absorbed',
          actor,
          rationale: input.rationale,
          data: {
            merged: {
              id,
              text: before.text,
              claimant: before.claimant,
              appearanceUrl: before.appearanceUrl,
              articleId: before.articleId,
              status: before.status,
            },
          },
        },
        { expectedHead: target.chainHead },
      );
      return claimView(manager, after);
    });
  }
}

// Both row locks, the lower id first. The target's absence is a 404 naming `intoId`.
async function lockBoth(
  manager: EntityManager,
  id: string,
  intoId: string,
): Promise<{ claim: LockedClaim; target: LockedClaim }> {
  const lock = async (which: string) => {
    try {
      return await lockClaim(manager, which);
    } catch (error) {
      if (which === intoId && error instanceof DomainError && error.code === 'not-found') {
        throw new DomainError('not-found', `intoId: no claim ${intoId}.`, {
          errors: [{ field: 'intoId', message: 'names no claim' }],
        });
      }
      throw error;
    }
  };
  const [first, second] = [id, intoId].sort();
  const locked = new Map<string, LockedClaim>();
  locked.set(first, await lock(first));
  locked.set(second, await lock(second));
  return { claim: locked.get(id)!, target: locked.get(intoId)! };
}
