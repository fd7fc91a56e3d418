import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { articleLengthForSpans } from './article-span.js';
import { AuditAppendService } from '../audit/audit-append.service.js';
import { eventParameters } from '../audit/audit-event-sql.js';
import { GENESIS_HASH } from '../audit/audit-event.js';
import { linkEvents } from '../audit/event-link.js';
import { actorOf } from '../auth/actor.js';
import type { AuthUser } from '../auth/role.js';
import { assertVersionMatches, VersionPrecondition } from '../common/http/etag.js';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { assertMayEdit } from './claim-access.js';
import { changedFields, changeOf } from './claim-changes.js';
import { lockClaim } from './claim-locks.js';
import { claimView, findClaim } from './claim-reads.js';
import {
  CLAIM_COLUMNS,
  ClaimRow,
  SUBMIT_CLAIM_SQL,
  submitClaimParameters,
  submittedClaim,
  toClaimSummary,
} from './claim-sql.js';
import { CreateClaimDto, UpdateClaimDto } from './dto/claim.dto.js';
import { ClaimSummaryView, ClaimView } from './dto/claim.view.js';

// Editable fields and their columns.
const EDITABLE_COLUMNS = {
  text: 'text',
  claimant: 'claimant',
  claimedAt: 'claimed_at',
  appearanceUrl: 'appearance_url',
  tags: 'tags',
  priority: 'priority',
} as const;
type EditableField = keyof typeof EDITABLE_COLUMNS;

@Injectable()
export class ClaimsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditAppendService,
  ) {}

  // One statement (SUBMIT_CLAIM_SQL): the claim and its claim.submitted event commit
  // together on their own, so `manager` need not be in a transaction; inside one (the
  // idempotency wrapper's, with an Idempotency-Key) they commit with the stored response.
  async submit(manager: EntityManager, user: AuthUser, input: CreateClaimDto): Promise<ClaimView> {
    await this.checkArticleSpan(manager, input);
    const at = new Date().toISOString();
    const submitted = submittedClaim(randomUUID(), input, user.id, at);
    // The full initial claim, so the claim can be rebuilt from its events alone. A new
    // claim's chain is empty: its first event links to the genesis hash.
    const [event] = linkEvents(
      [
        {
          claimId: submitted.id,
          type: 'claim.submitted',
          actor: actorOf(user),
          toStatus: submitted.status,
          data: { after: submitted },
        },
      ],
      GENESIS_HASH,
      at,
    );
    const [row] = await preparedQueryWithin<ClaimRow>(manager, SUBMIT_CLAIM_SQL, [
      ...submitClaimParameters(submitted),
      ...eventParameters(submitted.id, event),
    ]);
    return { ...toClaimSummary(row), sources: [] };
  }

  async get(id: string): Promise<ClaimView> {
    const manager = this.dataSource.manager;
    const claim = await findClaim(manager, id);
    if (!claim) throw new DomainError('not-found', `No claim ${id}.`);
    return claimView(manager, claim);
  }

  async edit(
    user: AuthUser,
    id: string,
    precondition: VersionPrecondition | undefined,
    // Or the changes as a function of the locked claim (bulk tag changes build on its tags).
    edits: UpdateClaimDto | ((before: ClaimSummaryView) => UpdateClaimDto),
  ): Promise<ClaimView> {
    return this.dataSource.transaction(async (manager) => {
      const { claim: before } = await lockClaim(manager, id);
      assertMayEdit(user, before);
      assertVersionMatches(precondition, before.version);
      const changes = typeof edits === 'function' ? edits(before) : edits;

      const requested: Partial<Record<EditableField, unknown>> = {};
      for (const field of Object.keys(EDITABLE_COLUMNS) as EditableField[]) {
        requested[field] = changes[field];
      }
      const fields = changedFields(before, requested) as EditableField[];
      if (fields.length === 0) return claimView(manager, before);

      const assignments = fields.map(
        (field, index) => `${EDITABLE_COLUMNS[field]} = $${index + 2}`,
      );
      const [updated] = await preparedQueryWithin<ClaimRow>(
        manager,
        `UPDATE claims AS c
            SET ${assignments.join(', ')}, version = version + 1, updated_at = now()
          WHERE c.id = $1
          RETURNING ${CLAIM_COLUMNS}`,
        [id, ...fields.map((field) => requested[field])],
      );
      const after = toClaimSummary(updated);
      await this.audit.append(manager, {
        claimId: id,
        type: 'claim.edited',
        actor: actorOf(user),
        data: changeOf(before, after, fields),
      });
      return claimView(manager, after);
    });
  }

  // A claim may point into an ingested article; the span must lie inside its text.
  private async checkArticleSpan(manager: EntityManager, input: CreateClaimDto): Promise<void> {
    if (input.span && !input.articleId) {
      throw invalid('articleId', 'is required when span is given');
    }
    if (input.span && input.span.end <= input.span.start) {
      throw invalid('span', 'end must be greater than start');
    }
    if (!input.articleId) return;
    // Spans are UTF-16 offsets, as the extractor and browsers count them.
    const length = await articleLengthForSpans(manager, input.articleId);
    if (length === undefined) {
      throw new DomainError('unprocessable', `articleId: no article ${input.articleId}.`, {
        errors: [{ field: 'articleId', message: 'names no article' }],
      });
    }
    if (input.span && input.span.end > length) {
      throw new DomainError(
        'unprocessable',
        `span: ends past the article (${length} characters).`,
        {
          errors: [
            {
              field: 'span',
              message: `must lie within the article's ${length} characters`,
            },
          ],
        },
      );
    }
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('validation', `${field}: ${message}`, { errors: [{ field, message }] });
}
