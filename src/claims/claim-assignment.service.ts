import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { isActiveEditor } from '../auth/editors.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { assigneeRefusal } from '../domain/claim-access.js';
import { assertMayAssign } from './claim-access.js';
import { changedFields, changeOf } from './claim-changes.js';
import { lockClaim } from './claim-locks.js';
import { claimView } from './claim-reads.js';
import { ASSIGN_CLAIM_SQL, ClaimRow, toClaimSummary } from './claim-sql.js';
import type { AssignmentDto } from './dto/assignment.dto.js';
import type { ClaimView } from './dto/claim.view.js';

// A deadline further out than this is a typo, not a plan (and stays inside the queue's
// cursor range).
const MAX_DUE_AHEAD_MS = 366 * 24 * 60 * 60 * 1000;

// Hands a claim to an editor, with an optional due date (SPEC §14), under the claim's row
// lock like every other change: If-Match, the rules, the update and `claim.assigned`
// commit together.
@Injectable()
export class ClaimAssignmentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  async assign(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    input: AssignmentDto,
  ): Promise<ClaimView> {
    checkDueAt(input.dueAt);
    return this.dataSource.transaction(async (manager) => {
      const { claim: before, chainHead } = await lockClaim(manager, id);
      assertVersionMatches(precondition, before.version);
      assertMayAssign(user, before);
      const { assigneeId } = input;
      if (assigneeId !== null) {
        if (!(await isActiveEditor(manager, assigneeId))) {
          throw unprocessable('assigneeId', 'is not an active editor');
        }
        const refusal = assigneeRefusal(assigneeId, before);
        if (refusal) throw unprocessable('assigneeId', refusal);
      }
      const requested = {
        assigneeId,
        dueAt: input.dueAt === undefined ? undefined : normalised(input.dueAt),
      };
      if (changedFields(before, requested).length === 0) return claimView(manager, before);

      const [row] = await preparedQueryWithin<ClaimRow>(manager, ASSIGN_CLAIM_SQL, [
        id,
        assigneeId,
        input.dueAt !== undefined,
        requested.dueAt ?? null,
      ]);
      const after = toClaimSummary(row);
      await this.audit.append(
        manager,
        {
          claimId: id,
          type: 'claim.assigned',
          actor: actorOf(user),
          data: changeOf(before, after, ['assigneeId', 'dueAt']),
        },
        { expectedHead: chainHead },
      );
      return claimView(manager, after);
    });
  }
}

// The instant as the claim view spells it, so an unchanged due date is seen as unchanged.
const normalised = (dueAt: string | null) =>
  dueAt === null ? null : new Date(dueAt).toISOString();

function checkDueAt(dueAt: string | null | undefined): void {
  if (dueAt === undefined || dueAt === null) return;
  const at = Date.parse(dueAt);
  if (!(at > Date.now())) throw unprocessable('dueAt', 'must be in the future');
  if (at - Date.now() > MAX_DUE_AHEAD_MS) {
    throw unprocessable('dueAt', 'must be at most a year ahead');
  }
}

function unprocessable(field: string, message: string): DomainError {
  return new DomainError('unprocessable', `${field}: ${message}.`, {
    errors: [{ field, message }],
  });
}
