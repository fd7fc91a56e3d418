import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAppendService, NewAuditEvent } from '../audit/audit-append.service.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { AppConfig } from '../config/app-config.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { assertMayTake } from './claim-access.js';
import { changeOf } from './claim-changes.js';
import { lockClaim } from './claim-locks.js';
import { claimView } from './claim-reads.js';
import {
  TRANSITION_SQL,
  TransitionedClaimRow,
  toClaimSummary,
  transitionParameters,
} from './claim-sql.js';
import {
  allowedTransitions,
  ClaimStatus,
  EvidenceCounts,
  findTransition,
  Transition,
  unmetEvidence,
} from '../domain/claim-status.js';
import { TransitionDto } from './dto/claim.dto.js';
import { ClaimView } from './dto/claim.view.js';

// Moves claims through the workflow of claim-status.ts. Everything happens in one
// transaction under the claim's row lock: the If-Match check, the rules, the evidence
// count, the update and its audit events. Fifty editors deciding at the same version
// therefore queue on the lock; the first wins and the rest find a newer version (412).
@Injectable()
export class ClaimWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
    private readonly config: AppConfig,
  ) {}

  async transition(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    input: TransitionDto,
  ): Promise<ClaimView> {
    return this.dataSource.transaction(async (manager) => {
      const { claim: before, chainHead } = await lockClaim(manager, id);
      assertVersionMatches(precondition, before.version);
      const transition = findTransition(before.status, input.to);
      if (!transition) throw illegalTransition(before.status, input.to);
      assertMayTake(user, before, transition);
      if (transition.rationaleRequired && !input.rationale) {
        throw new DomainError(
          'validation',
          `rationale: is required to move a claim to ${input.to}`,
          {
            errors: [{ field: 'rationale', message: `is required to move a claim to ${input.to}` }],
          },
        );
      }

      // The evidence is counted by the UPDATE itself (see TRANSITION_SQL). An unmet rule
      // throws, and the update rolls back with the transaction.
      const [updated] = await preparedQueryWithin<TransitionedClaimRow>(
        manager,
        TRANSITION_SQL,
        transitionParameters(id, transition, input.rationale ?? null, user.id),
      );
      this.checkEvidence(transition, {
        supports: updated.evidence_supports,
        contradicts: updated.evidence_contradicts,
        context: updated.evidence_context,
      });

      const after = toClaimSummary(updated);
      const actor = actorOf(user);
      const events: NewAuditEvent[] = [
        {
          claimId: id,
          type: 'claim.transitioned',
          actor,
          fromStatus: before.status,
          toStatus: after.status,
          rationale: input.rationale ?? null,
          data: changeOf(before, after, ['status', 'rationale', 'decidedBy', 'decidedAt']),
        },
      ];
      if (after.assigneeId !== before.assigneeId) {
        events.push({
          claimId: id,
          type: 'claim.assigned',
          actor,
          data: {
            before: { assigneeId: before.assigneeId },
            after: { assigneeId: after.assigneeId },
          },
        });
      }
      await this.audit.appendMany(manager, events, { expectedHead: chainHead });
      return claimView(manager, after);
    });
  }

  private checkEvidence(transition: Transition, counts: EvidenceCounts) {
    if (!transition.evidence) return;
    const unmet = unmetEvidence(transition, counts, this.config.verifyMinSupportingSources);
    if (!unmet) return;
    throw new DomainError(
      'evidence-missing',
      `${unmet.rule}: moving a claim to ${transition.to} needs at least ${unmet.required} ` +
        `attached source(s) with stance "${unmet.stance}"; it has ${unmet.attached}.`,
      { extensions: { ...unmet } },
    );
  }
}

function illegalTransition(from: ClaimStatus, to: ClaimStatus): DomainError {
  const allowed = allowedTransitions(from);
  const detail =
    to === 'merged' && allowed.length > 0
      ? `A claim is merged with POST /claims/{id}/merge, which names the claim it goes into.`
      : allowed.length === 0
        ? `A ${from} claim is final: it cannot move to ${to} or anywhere else.`
        : `A ${from} claim cannot move to ${to}; allowed: ${allowed.join(', ')}.`;
  return new DomainError('illegal-transition', detail, { extensions: { allowed } });
}
