import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditTrail, NewAuditEvent } from '../audit/audit-trail.service.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { AppConfig } from '../config/app-config.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { assertMayTake } from './claim-access.js';
import { changeOf } from './claim-changes.js';
import { CLAIM_COLUMNS, ClaimRow, toClaimSummary, toClaimView } from './claim-rows.js';
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
export class ClaimWorkflow {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly config: AppConfig,
  ) {}

  async transition(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    input: TransitionDto,
  ): Promise<ClaimView> {
    return this.dataSource.transaction(async (manager) => {
      const row = await lockClaimWithChainHead(manager, id);
      assertVersionMatches(precondition, row.version);
      const before = toClaimSummary(row);
      const transition = findTransition(row.status, input.to);
      if (!transition) throw illegalTransition(row.status, input.to);
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

      // The evidence is counted by the UPDATE itself, which runs after the lock was taken and
      // so sees every attach and detach committed before it; attach and detach take the
      // same lock, so nothing can change between this count and the commit. An unmet rule
      // throws, and the update rolls back with the transaction.
      const [updated] = await preparedQueryWithin<ClaimRow & EvidenceColumns>(
        manager,
        `UPDATE claims AS c
            SET status = $2,
                rationale = CASE WHEN $3::boolean THEN $4 ELSE rationale END,
                assignee_id = CASE WHEN $5::boolean THEN $6::uuid ELSE assignee_id END,
                decided_by = CASE $7::text WHEN 'set' THEN $6::uuid WHEN 'clear' THEN NULL
                                           ELSE decided_by END,
                decided_at = CASE $7::text WHEN 'set' THEN now() WHEN 'clear' THEN NULL
                                           ELSE decided_at END,
                version = version + 1,
                updated_at = now()
           FROM (SELECT count(*) FILTER (WHERE stance = 'supports')::int AS supports,
                        count(*) FILTER (WHERE stance = 'contradicts')::int AS contradicts,
                        count(*) FILTER (WHERE stance = 'context')::int AS context
                   FROM claim_sources WHERE claim_id = $1) AS e
          WHERE c.id = $1
          RETURNING ${CLAIM_COLUMNS}, e.supports AS evidence_supports,
                    e.contradicts AS evidence_contradicts, e.context AS evidence_context`,
        [
          id,
          transition.to,
          transition.rationaleRequired,
          input.rationale ?? null,
          transition.assignsActor,
          user.id,
          decisionEffect(transition),
        ],
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
      await this.audit.appendMany(manager, events, { expectedHead: row.chain_head });
      return toClaimView(manager, updated);
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

interface EvidenceColumns {
  evidence_supports: number;
  evidence_contradicts: number;
  evidence_context: number;
}

// lockClaim (claim-rows.ts) plus the head of the claim's audit chain, in one round trip.
// The head is read with the statement's snapshot, taken before any wait for the lock, so
// it is only what AuditTrail.appendMany expects: the insert checks it and falls back to
// the real head if the previous lock holder appended since.
async function lockClaimWithChainHead(
  manager: EntityManager,
  id: string,
): Promise<ClaimRow & { chain_head: string | null }> {
  const [row] = await preparedQueryWithin<ClaimRow & { chain_head: string | null }>(
    manager,
    `SELECT ${CLAIM_COLUMNS},
            (SELECT hash FROM audit_events WHERE chain = $2 ORDER BY seq DESC LIMIT 1) AS chain_head
       FROM claims c WHERE c.id = $1 FOR UPDATE OF c`,
    [id, id],
  );
  if (!row) throw new DomainError('not-found', `No claim ${id}.`);
  return row;
}

// Decisions and withdrawals record who closed the claim and when; reopening clears it.
function decisionEffect(transition: Transition): 'set' | 'clear' | 'keep' {
  if (transition.kind === 'decide' || transition.kind === 'withdraw') return 'set';
  return transition.kind === 'reopen' ? 'clear' : 'keep';
}

function illegalTransition(from: ClaimStatus, to: ClaimStatus): DomainError {
  const allowed = allowedTransitions(from);
  const detail =
    allowed.length === 0
      ? `A ${from} claim is final: it cannot move to ${to} or anywhere else.`
      : `A ${from} claim cannot move to ${to}; allowed: ${allowed.join(', ')}.`;
  return new DomainError('illegal-transition', detail, { extensions: { allowed } });
}
