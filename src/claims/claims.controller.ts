import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuditEvent } from '../audit/audit-event.js';
import { ConfirmsIdentityInStatement } from '../auth/confirms-identity.decorator.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthenticatedRequest } from '../auth/decorators.js';
import { confirmingIdentity } from '../auth/remembered-identity.js';
import type { AuthUser } from '../auth/role.js';
import { etagOf, IfMatch, withEtag } from '../common/http/etag.js';
import type { VersionPrecondition } from '../common/http/etag.js';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.decorator.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Page } from '../common/pagination/cursor.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { ClaimBulkService } from './bulk/claim-bulk.service.js';
import { ClaimAssignmentService } from './claim-assignment.service.js';
import { ClaimHistoryService } from './claim-history.service.js';
import { ClaimListingService } from './claim-listing.service.js';
import { ClaimWorkflowService } from './claim-workflow.service.js';
import { ClaimsService } from './claims.service.js';
import { ClaimMergeService } from './merge/claim-merge.service.js';
import { MergeClaimDto } from './dto/merge.dto.js';
import { SubmittedClaimView } from './dto/submitted-claim.view.js';
import { AssignmentDto } from './dto/assignment.dto.js';
import { BulkDto } from './dto/bulk.dto.js';
import { BulkResponseView } from './dto/bulk.view.js';
import { ClaimQuery, ListClaimsQuery, ReviewQueueQuery } from './dto/claim-query.dto.js';
import { CreateClaimDto, TransitionDto, UpdateClaimDto } from './dto/claim.dto.js';
import { ClaimPageView, ClaimSummaryView, ClaimView } from './dto/claim.view.js';

const IF_MATCH = { name: 'If-Match', description: 'ETag of the version you read, e.g. "3"' };

@ApiTags('claims')
@ApiBearerAuth()
@Controller()
export class ClaimsController {
  constructor(
    private readonly claims: ClaimsService,
    private readonly workflow: ClaimWorkflowService,
    private readonly listing: ClaimListingService,
    private readonly history: ClaimHistoryService,
    private readonly assignment: ClaimAssignmentService,
    private readonly bulk: ClaimBulkService,
    private readonly merging: ClaimMergeService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post('claims')
  @Roles('reporter', 'editor')
  @ConfirmsIdentityInStatement()
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '≤ 255 characters' })
  @ApiCreatedResponse({ type: SubmittedClaimView, description: 'with Location and ETag' })
  @ApiProblems(400, 403, 409, 413, 422)
  async submit(
    @Req() request: AuthenticatedRequest,
    @IdempotencyKey() key: string | undefined,
    @Body() body: CreateClaimDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SubmittedClaimView> {
    const result = await confirmingIdentity(request, (user) =>
      this.idempotency.run(
        { userId: user.id, key, scope: 'POST /claims', body, singleStatement: true },
        async (manager) => {
          // The advice is stored with the 201, so a replay answers alike.
          const claim = await this.claims.submitWithAdvice(manager, user, body);
          const location = `/api/v1/claims/${claim.id}`;
          return { status: 201, body: claim, headers: { location, etag: etagOf(claim.version) } };
        },
      ),
    );
    void reply.status(result.status).headers(result.headers);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  // One action over many claims; each item answers as its single-claim request would.
  @Post('claims/bulk')
  @HttpCode(207)
  @Roles('reporter', 'editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '≤ 255 characters' })
  @ApiResponse({ status: 207, type: BulkResponseView, description: 'one result per item' })
  @ApiProblems(400, 403, 409, 413, 422, 429)
  async bulkAction(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() key: string | undefined,
    @Body() body: BulkDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<BulkResponseView> {
    const params = await this.bulk.prepare(body);
    const work = async () => ({
      status: 207,
      body: { results: await this.bulk.run(user, body, params, String(request.id)) },
      headers: {},
    });
    // Items commit one by one in their own transactions; the key's transaction only
    // holds the key and stores the 207, so a replay answers exactly what was done.
    if (key === undefined) return (await work()).body;
    const result = await this.idempotency.run(
      { userId: user.id, key, scope: 'POST /claims/bulk', body },
      work,
    );
    void reply.status(result.status);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get('claims')
  @ApiOkResponse({ type: ClaimPageView })
  @ApiProblems(400)
  list(@Query() query: ListClaimsQuery): Promise<Page<ClaimSummaryView>> {
    return this.listing.list(query);
  }

  @Get('review-queue')
  @Roles('editor')
  @ApiOkResponse({ type: ClaimPageView, description: 'urgent first, then oldest' })
  @ApiProblems(400, 403)
  queue(
    @CurrentUser() user: AuthUser,
    @Query() query: ReviewQueueQuery,
  ): Promise<Page<ClaimSummaryView>> {
    return this.listing.queue(user.id, query);
  }

  @Get('claims/:id')
  @ApiOkResponse({ type: ClaimView, description: 'with ETag (not when rebuilt with asOf)' })
  @ApiProblems(400, 404)
  async get(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ClaimQuery,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    if (query.asOf) return this.history.asOf(id, query.asOf);
    return withEtag(reply, await this.claims.get(id));
  }

  @Patch('claims/:id')
  @Roles('reporter', 'editor')
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: ClaimView })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async edit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch({ required: true }) precondition: VersionPrecondition,
    @Body() body: UpdateClaimDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    return withEtag(reply, await this.claims.edit(user, id, precondition, body));
  }

  @Post('claims/:id/transitions')
  @HttpCode(200)
  @Roles('reporter', 'editor')
  @ConfirmsIdentityInStatement()
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: ClaimView })
  @ApiProblems(400, 403, 404, 409, 412, 422, 428)
  async transition(
    @Req() request: AuthenticatedRequest,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch({ required: true }) precondition: VersionPrecondition,
    @Body() body: TransitionDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    const claim = await confirmingIdentity(request, (user) =>
      this.workflow.transition(user, id, precondition, body),
    );
    return withEtag(reply, claim);
  }

  // Folds a duplicate into the claim that stays; If-Match names the merged claim's version.
  @Post('claims/:id/merge')
  @HttpCode(200)
  @Roles('editor')
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: ClaimView, description: 'the merged claim, status `merged`' })
  @ApiProblems(400, 403, 404, 409, 412, 428)
  async merge(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch({ required: true }) precondition: VersionPrecondition,
    @Body() body: MergeClaimDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    return withEtag(reply, await this.merging.merge(user, id, precondition, body));
  }

  @Post('claims/:id/assignment')
  @HttpCode(200)
  @Roles('editor')
  @ApiHeader({ ...IF_MATCH, required: true })
  @ApiOkResponse({ type: ClaimView, description: 'the claim with its new assignee and due date' })
  @ApiProblems(400, 403, 404, 409, 412, 422, 428)
  async assign(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch({ required: true }) precondition: VersionPrecondition,
    @Body() body: AssignmentDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    return withEtag(reply, await this.assignment.assign(user, id, precondition, body));
  }

  @Get('claims/:id/history')
  @ApiOkResponse({ description: 'the claim’s audit events, oldest first, with hashes' })
  @ApiProblems(404)
  async historyOf(@Param('id', ParseIdPipe) id: string): Promise<{ items: AuditEvent[] }> {
    return { items: await this.history.events(id) };
  }
}
