import { Injectable, Logger } from '@nestjs/common';
import type { AuthUser } from '../../auth/role.js';
import type { VersionPrecondition } from '../../common/http/etag.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { internalProblem, problemFromDomainError } from '../../common/problem/problem.js';
import { databaseProblemOf } from '../../common/problem/database-problem.js';
import { ClaimAssignmentService } from '../claim-assignment.service.js';
import { ClaimWorkflowService } from '../claim-workflow.service.js';
import { ClaimsService } from '../claims.service.js';
import { BulkAction, BulkDto, BulkItemDto } from '../dto/bulk.dto.js';
import type { BulkResultView } from '../dto/bulk.view.js';
import { MAX_TAGS } from '../dto/claim.dto.js';
import type { ClaimView } from '../dto/claim.view.js';
import { BulkParams, validBulkRequest } from './bulk-params.js';

// Items worked at once. Each holds one pooled connection for its transaction; two keep a
// 200-item request well under two seconds and leave the pool to everyone else.
const ITEMS_IN_PARALLEL = 2;
// Bulk requests one process works at once; more are refused (429), never queued. With an
// Idempotency-Key a request also holds a connection for its key, so this bounds the pool
// a burst of bulk requests can take (3 × (1 + 2) of the default 10).
const MAX_BULK_REQUESTS = 3;

// POST /claims/bulk (SPEC §14): one action over up to 200 claims. Each item goes through
// the single-claim service path (its own transaction, row lock, If-Match via `version`,
// rules and audit event), so the bulk endpoint has no rules of its own.
@Injectable()
export class ClaimBulkService {
  private readonly logger = new Logger(ClaimBulkService.name);
  private running = 0;

  constructor(
    private readonly claims: ClaimsService,
    private readonly workflow: ClaimWorkflowService,
    private readonly assignment: ClaimAssignmentService,
  ) {}

  // Validates the whole request up front (400 before any item runs).
  async prepare(body: BulkDto): Promise<BulkParams[BulkAction]> {
    return validBulkRequest(body);
  }

  async run(
    user: AuthUser,
    body: BulkDto,
    params: BulkParams[BulkAction],
    requestId: string,
  ): Promise<BulkResultView[]> {
    if (this.running >= MAX_BULK_REQUESTS) {
      throw new DomainError(
        'rate-limited',
        `${MAX_BULK_REQUESTS} bulk actions are already running; retry in a moment.`,
        { headers: { 'retry-after': '1' } },
      );
    }
    this.running++;
    try {
      const results = new Array<BulkResultView>(body.items.length);
      let next = 0;
      const worker = async () => {
        while (next < body.items.length) {
          const index = next++;
          results[index] = await this.runItem(
            user,
            body.action,
            params,
            body.items[index],
            requestId,
          );
        }
      };
      await Promise.all(Array.from({ length: ITEMS_IN_PARALLEL }, worker));
      return results;
    } finally {
      this.running--;
    }
  }

  private async runItem(
    user: AuthUser,
    action: BulkAction,
    params: BulkParams[BulkAction],
    item: BulkItemDto,
    requestId: string,
  ): Promise<BulkResultView> {
    try {
      const claim = await this.apply(user, action, params, item);
      return { id: item.id, status: 200, version: claim.version };
    } catch (error) {
      const problem = this.problemOf(error, requestId);
      return { id: item.id, status: problem.status, problem };
    }
  }

  private apply(
    user: AuthUser,
    action: BulkAction,
    params: BulkParams[BulkAction],
    { id, version }: BulkItemDto,
  ): Promise<ClaimView> {
    const precondition: VersionPrecondition = { any: false, versions: [version] };
    switch (action) {
      case 'assign':
        return this.assignment.assign(user, id, precondition, params as BulkParams['assign']);
      case 'start_review': {
        const { rationale } = params as BulkParams['start_review'];
        return this.workflow.transition(user, id, precondition, { to: 'in_review', rationale });
      }
      case 'withdraw': {
        const { rationale } = params as BulkParams['withdraw'];
        return this.workflow.transition(user, id, precondition, { to: 'withdrawn', rationale });
      }
      case 'set_priority':
        return this.claims.edit(user, id, precondition, params as BulkParams['set_priority']);
      case 'add_tags': {
        const { tags } = params as BulkParams['add_tags'];
        return this.claims.edit(user, id, precondition, (before) => ({
          tags: withinTagLimit([...new Set([...before.tags, ...tags])]),
        }));
      }
      case 'remove_tags': {
        const { tags } = params as BulkParams['remove_tags'];
        return this.claims.edit(user, id, precondition, (before) => ({
          tags: before.tags.filter((tag) => !tags.includes(tag)),
        }));
      }
    }
  }

  // The problem the single-claim request would have answered. Anything unexpected is
  // logged and named only by the request id, as the problem filter does for a whole request.
  private problemOf(error: unknown, requestId: string) {
    if (error instanceof DomainError) return problemFromDomainError(error).body;
    const databaseProblem = databaseProblemOf(error);
    if (databaseProblem) return problemFromDomainError(databaseProblem).body;
    this.logger.error({ err: error, requestId }, 'bulk item failed');
    return internalProblem(requestId).body;
  }
}

function withinTagLimit(tags: string[]): string[] {
  if (tags.length <= MAX_TAGS) return tags;
  const message = `would give the claim ${tags.length} tags; at most ${MAX_TAGS}`;
  throw new DomainError('unprocessable', `params.tags: ${message}.`, {
    errors: [{ field: 'params.tags', message }],
  });
}
