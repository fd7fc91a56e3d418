import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/role.js';
import { IfMatch, withEtag } from '../common/http/etag.js';
import type { VersionPrecondition } from '../common/http/etag.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Page } from '../common/pagination/cursor.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { ClaimantSearchService } from './claimant-search.service.js';
import { ClaimantsService } from './claimants.service.js';
import { CreateClaimantDto, ListClaimantsQuery, UpdateClaimantDto } from './dto/claimant.dto.js';
import {
  ClaimantDetailView,
  ClaimantListItemView,
  ClaimantPageView,
  ClaimantView,
} from './dto/claimant.view.js';

@ApiTags('claimants')
@ApiBearerAuth()
@Controller()
export class ClaimantsController {
  constructor(
    private readonly claimants: ClaimantsService,
    private readonly search: ClaimantSearchService,
  ) {}

  @Post('claimants')
  @Roles('editor')
  @ApiCreatedResponse({ type: ClaimantView, description: 'with Location and ETag' })
  @ApiProblems(400, 403, 409)
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateClaimantDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimantView> {
    const claimant = await this.claimants.create(user, body);
    void reply.status(201).header('location', `/api/v1/claimants/${claimant.id}`);
    return withEtag(reply, claimant);
  }

  @Get('claimants')
  @ApiOkResponse({ type: ClaimantPageView, description: 'newest first; with q, best match first' })
  @ApiProblems(400)
  list(@Query() query: ListClaimantsQuery): Promise<Page<ClaimantListItemView>> {
    return this.search.list(query);
  }

  @Get('claimants/:id')
  @ApiOkResponse({ type: ClaimantDetailView, description: 'with its track record and ETag' })
  @ApiProblems(404)
  async get(
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimantDetailView> {
    return withEtag(reply, await this.claimants.get(id));
  }

  @Patch('claimants/:id')
  @Roles('editor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'optional: ETag you read' })
  @ApiOkResponse({ type: ClaimantView })
  @ApiProblems(400, 403, 404, 409, 412)
  async edit(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch({ required: false }) precondition: VersionPrecondition | undefined,
    @Body() body: UpdateClaimantDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimantView> {
    return withEtag(reply, await this.claimants.edit(user, id, precondition, body));
  }
}
