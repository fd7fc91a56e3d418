import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/role.js';
import { ClaimView } from '../claims/dto/claim.view.js';
import { IfMatch, withEtag } from '../common/http/etag.js';
import type { VersionPrecondition } from '../common/http/etag.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Page } from '../common/pagination/cursor.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { AttachEvidenceDto, CreateSourceDto, ListSourcesQuery } from './dto/source.dto.js';
import { SourcePageView, SourceView, SourceWithClaimsView } from './dto/source.view.js';
import { EvidenceService } from './evidence.service.js';
import { SourcesService } from './sources.service.js';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'optional: ETag of the claim version you read, e.g. "3"',
};

@ApiTags('sources')
@ApiBearerAuth()
@Controller()
export class SourcesController {
  constructor(
    private readonly sources: SourcesService,
    private readonly evidence: EvidenceService,
  ) {}

  @Post('sources')
  @Roles('reporter', 'editor')
  @ApiCreatedResponse({ type: SourceView, description: 'a new source' })
  @ApiOkResponse({ type: SourceView, description: 'the source already known under this URL' })
  @ApiProblems(400, 403)
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateSourceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SourceView> {
    const { source, created } = await this.sources.create(user, body);
    void reply.status(created ? 201 : 200).header('location', `/api/v1/sources/${source.id}`);
    return source;
  }

  @Get('sources')
  @ApiOkResponse({ type: SourcePageView })
  @ApiProblems(400)
  list(@Query() query: ListSourcesQuery): Promise<Page<SourceView>> {
    return this.sources.list(query);
  }

  @Get('sources/:id')
  @ApiOkResponse({ type: SourceWithClaimsView })
  @ApiProblems(404)
  get(@Param('id', ParseIdPipe) id: string): Promise<SourceWithClaimsView> {
    return this.sources.get(id);
  }

  @Post('claims/:id/sources')
  @Roles('reporter', 'editor')
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: ClaimView, description: 'the claim with its evidence' })
  @ApiProblems(400, 403, 404, 409, 412, 422)
  async attach(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch({ required: false }) precondition: VersionPrecondition | undefined,
    @Body() body: AttachEvidenceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ClaimView> {
    return withEtag(reply, await this.evidence.attach(user, id, precondition, body));
  }

  @Delete('claims/:id/sources/:sourceId')
  @HttpCode(204)
  @Roles('reporter', 'editor')
  @ApiHeader(IF_MATCH)
  @ApiNoContentResponse()
  @ApiProblems(403, 404, 409, 412)
  async detach(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Param('sourceId', ParseIdPipe) sourceId: string,
    @IfMatch({ required: false }) precondition: VersionPrecondition | undefined,
  ): Promise<void> {
    await this.evidence.detach(user, id, sourceId, precondition);
  }
}
