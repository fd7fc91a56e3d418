import { Body, Controller, Get, Param, Post, Query, Res } from '@nestjs/common';
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
import { IdempotencyKey } from '../common/idempotency/idempotency-key.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Page } from '../common/pagination/cursor.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { ArticlesService } from './articles.service.js';
import { CreateArticleDto } from './dto/article.dto.js';
import { ListArticlesQuery } from './dto/list-articles.query.js';
import { ArticleReadQuery } from './dto/article-read.query.js';
import {
  ArticleAloneView,
  ArticleListItemView,
  ArticlePageView,
  ArticleWithCandidatesView,
} from './dto/article.view.js';

@ApiTags('articles')
@ApiBearerAuth()
@Controller('articles')
export class ArticlesController {
  constructor(private readonly articles: ArticlesService) {}

  @Post()
  @Roles('reporter', 'editor')
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: '≤ 255 characters' })
  @ApiCreatedResponse({
    type: ArticleWithCandidatesView,
    description: 'the stored article and its candidate claims, with Location',
  })
  @ApiProblems(400, 403, 409, 413, 422)
  async ingest(
    @CurrentUser() user: AuthUser,
    @IdempotencyKey() key: string | undefined,
    @Body() body: CreateArticleDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ArticleWithCandidatesView> {
    const result = await this.articles.ingest(user, key, body);
    void reply.status(result.status).headers(result.headers);
    if (result.replayed) void reply.header('idempotent-replayed', 'true');
    return result.body;
  }

  @Get()
  @ApiOkResponse({
    type: ArticlePageView,
    description: 'newest first, without their text (an excerpt) or candidates (a count)',
  })
  @ApiProblems(400)
  list(@Query() query: ListArticlesQuery): Promise<Page<ArticleListItemView>> {
    return this.articles.list(query);
  }

  @Get(':id')
  @ApiOkResponse({
    type: ArticleWithCandidatesView,
    description:
      'the stored candidates, their duplicates looked up against today’s claims; with ' +
      'candidates=false only `article` and `features`',
  })
  @ApiProblems(400, 404)
  get(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ArticleReadQuery,
  ): Promise<ArticleWithCandidatesView | ArticleAloneView> {
    return query.candidates === 'false' ? this.articles.getAlone(id) : this.articles.get(id);
  }
}
