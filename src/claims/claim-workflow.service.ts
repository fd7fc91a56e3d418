import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { NewAuditEvent } from '../audit/audit-append.service.js';
import { eventParameters } from '../audit/audit-event-sql.js';
import { GENESIS_HASH } from '../audit/audit-event.js';
import { linkEvents } from '../audit/event-link.js';
import { actorOf } from '../auth/actor.js';
import { identityCheckParameters, UnconfirmedIdentityError } from '../auth/remembered-identity.js';
import type { AuthUser } from '../auth/role.js';
import { AppConfig } from '../config/app-config.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { isUniqueViolation } from '../database/postgres-errors.js';
import { preparedQuery } from '../database/prepared-query.js';
import { assertMayTake } from './claim-access.js';
import { changeOf } from './claim-changes.js';
import {
  claimForChangeSql,
  ClaimForChangeRow,
  toClaimSourceViews,
  toClaimSummary,
  transitionClaimParameters,
  transitionClaimSql,
  transitionedClaim,
  TransitionAttemptRow,
} from './claim-sql.js';
import {
  allowedTransitions,
  ClaimStatus,
  EvidenceCounts,
  findTransition,
  requiredSources,
  Transition,
  unmetEvidence,
} from '../domain/claim-status.js';
import { TransitionDto } from './dto/claim.dto.js';
import { ClaimSourceView, ClaimView } from './dto/claim.view.js';

// How often a transition reads and tries again when its claim's chain moved on between the
// read and the write (a comment or publication event, which leaves the version alone).
const MAX_ATTEMPTS = 5;

// Moves claims through the workflow of claim-status.ts, with two round trips and no
// explicit transaction: one read of the claim, its chain head and its evidence (no lock),
// against which every rule is checked (If-Match, the workflow, four-eyes, rationale, the
// evidence gate); then ONE statement (transitionClaimSql) that writes the claim and its
// events only if the claim is still at the version read (every change to a claim or its
// evidence bumps it), its chain still ends at the head read and, for a transition with an
// evidence rule, its evidence counted under the claim's lock still meets the rule. Fifty
// editors deciding at the same version queue on the claim's row lock: the first writes,
// the others find a newer version and answer 412.
@Injectable()
export class ClaimWorkflowService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  async transition(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    input: TransitionDto,
  ): Promise<ClaimView> {
    for (let attempt = 1; ; attempt++) {
      const done = await this.tryTransition(user, id, precondition, input);
      if (done) return done;
      if (attempt === MAX_ATTEMPTS) {
        throw new DomainError('conflict', `Claim ${id} kept changing; retry the request.`);
      }
    }
  }

  // The transition, or undefined when the claim or its chain moved between the read and the
  // write (nothing was written; the next attempt reads again and, for a new version, 412s).
  private async tryTransition(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    input: TransitionDto,
  ): Promise<ClaimView | undefined> {
    const [row] = await preparedQuery<ClaimForChangeRow>(this.dataSource, claimForChangeSql(user), [
      id,
      id,
      ...identityCheckParameters(user),
    ]);
    // Nothing is answered to a remembered identity the read could not confirm.
    if (row ? !row.identity_holds : user.remembered) throw new UnconfirmedIdentityError();
    if (!row) throw new DomainError('not-found', `No claim ${id}.`);
    const before = toClaimSummary(row);
    const sources = toClaimSourceViews(row.sources);
    assertVersionMatches(precondition, before.version);
    const transition = findTransition(before.status, input.to);
    if (!transition) throw illegalTransition(before.status, input.to);
    assertMayTake(user, before, transition);
    if (transition.rationaleRequired && !input.rationale) {
      throw new DomainError('validation', `rationale: is required to move a claim to ${input.to}`, {
        errors: [{ field: 'rationale', message: `is required to move a claim to ${input.to}` }],
      });
    }
    // Checked here on the evidence read, for an early answer, and again by the statement
    // on the evidence as it is under the claim's lock.
    this.checkEvidence(transition, evidenceCounts(sources));

    const at = new Date().toISOString();
    const after = transitionedClaim(before, transition, input.rationale ?? null, user.id, at);
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
    const head = row.chain_head ?? GENESIS_HASH;
    const linked = linkEvents(events, head, at);
    const evidence = transition.evidence && {
      stance: transition.evidence.stance,
      required: requiredSources(transition, this.config.verifyMinSupportingSources),
    };
    const parameters = [
      ...transitionClaimParameters(before, after, evidence),
      ...linked.flatMap((event) => eventParameters(id, event)),
    ];
    const text = transitionClaimSql(linked.length, evidence !== undefined);
    let attempt: TransitionAttemptRow | undefined;
    try {
      [attempt] = await preparedQuery<TransitionAttemptRow>(this.dataSource, text, parameters);
    } catch (error) {
      // Another transaction appended to the chain after the head was read.
      if (isUniqueViolation(error, 'audit_events_chain_link_key')) return undefined;
      throw error;
    }
    if (attempt?.written) return { ...after, sources };
    // Nothing written. Without an evidence rule, the claim moved on (or is gone): reading it
    // again tells which, and a newer version answers 412.
    if (!evidence) return undefined;
    if (!attempt) throw new DomainError('not-found', `No claim ${id}.`);
    // A newer version: the request's If-Match is stale. Evidence gone: the gate refuses.
    // (Nothing else keeps the guarded form from writing; should the two counts ever
    // disagree, the caller reads and tries again.)
    assertVersionMatches(precondition, attempt.locked_version);
    if (attempt.locked_version !== before.version) return undefined;
    this.checkEvidence(transition, {
      supports: attempt.evidence_supports,
      contradicts: attempt.evidence_contradicts,
      context: attempt.evidence_context,
    });
    return undefined;
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

function evidenceCounts(sources: ClaimSourceView[]): EvidenceCounts {
  const counts: EvidenceCounts = { supports: 0, contradicts: 0, context: 0 };
  for (const { stance } of sources) counts[stance]++;
  return counts;
}
