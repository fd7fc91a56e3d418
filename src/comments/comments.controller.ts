import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/decorators.js';
import type { AuthUser } from '../auth/role.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Page } from '../common/pagination/cursor.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { CommentsService } from './comments.service.js';
import { CreateCommentDto, ListCommentsQuery } from './dto/comment.dto.js';
import { CommentPageView, CommentView } from './dto/comment.view.js';

@ApiTags('comments')
@ApiBearerAuth()
@Controller('claims/:id/comments')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get()
  @ApiOkResponse({ type: CommentPageView, description: 'oldest first' })
  @ApiProblems(400, 404)
  list(
    @Param('id', ParseIdPipe) id: string,
    @Query() query: ListCommentsQuery,
  ): Promise<Page<CommentView>> {
    return this.comments.list(id, query);
  }

  @Post()
  @Roles('reporter', 'editor')
  @ApiCreatedResponse({ type: CommentView })
  @ApiProblems(400, 403, 404)
  add(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: CreateCommentDto,
  ): Promise<CommentView> {
    return this.comments.add(user, id, body);
  }
}
