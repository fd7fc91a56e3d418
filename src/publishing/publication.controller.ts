import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/role.js';
import { etagOf, IfMatch, withEtag } from '../common/http/etag.js';
import type { VersionPrecondition } from '../common/http/etag.js';
import { IdempotencyKey } from '../common/idempotency/idempotency-key.decorator.js';
import { IdempotencyService } from '../common/idempotency/idempotency.service.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { PublicationDraftDto, PublishDto, RetractDto } from './dto/publication.dto.js';
import { PublicationView } from './dto/publication.view.js';
import { PublicationService } from './publication.service.js';

const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'ETag of the publication you read, e.g. "3"',
};

@ApiTags('publishing')
@ApiBearerAuth()
@Controller('claims/:id/publication')
export class PublicationController {
  constructor(
    private readonly publications: PublicationService,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Get()
  @Roles('editor', 'admin')
  @ApiOkResponse({ type: PublicationView, description: 'with ETag' })
  @ApiProblems(403, 404)
  async get(
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicationView> {
    return withEtag(reply, await this.publications.get(id));
  }

  @Put()
  @Roles('editor')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PublicationView, description: '201 when the draft is new' })
  @ApiProblems(400, 403, 404, 409, 412, 422)
  async saveDraft(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch() precondition: VersionPrecondition | undefined,
    @Body() body: PublicationDraftDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicationView> {
    const { view, created } = await this.publications.saveDraft(user, id, precondition, body);
    void reply.status(created ? 201 : 200);
    return withEtag(reply, view);
  }

  @Post('publish')
  @HttpCode(200)
  @Roles('editor')
  @ApiHeader(IF_MATCH)
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '≤ 255 characters' })
  @ApiOkResponse({ type: PublicationView })
  @ApiProblems(400, 403, 404, 409, 412, 422)
  async publish(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch() precondition: VersionPrecondition | undefined,
    @IdempotencyKey() key: string | undefined,
    @Body() body: PublishDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicationView> {
    const result = await this.idempotency.run(
      { userId: user.id, key, scope: `POST /claims/${id}/publication/publish`, body },
      async (manager) => {
        const view = await this.publications.publish(manager, user, id, precondition, body);
        return { status: 200, body: view, headers: { etag: etagOf(view.version) } };
      },
    );
    void reply.status(result.status).headers(result.headers);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Delete()
  @HttpCode(200)
  @Roles('editor')
  @ApiHeader(IF_MATCH)
  @ApiOkResponse({ type: PublicationView, description: 'the retracted publication' })
  @ApiProblems(400, 403, 404, 409, 412)
  async retract(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @IfMatch() precondition: VersionPrecondition | undefined,
    @Body() body: RetractDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicationView> {
    return withEtag(reply, await this.publications.retract(user, id, precondition, body));
  }
}
