import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  Patch,
  Post,
} from '@nestjs/common';
import { DomainError } from '../common/problem/domain-error.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { ParseIdPipe } from '../common/validation/parse-id.pipe.js';
import { actorOf } from './actor.js';
import { CurrentUser, Roles } from './decorators.js';
import { CreateUserDto, IssueTokenDto, UpdateUserDto } from './dto/user.dto.js';
import {
  CreatedUserView,
  EditorView,
  MeView,
  TokenSummaryView,
  TokenView,
  UserView,
} from './dto/user.view.js';
import { hasRole, type AuthUser } from './role.js';
import { TokensService } from './tokens.service.js';
import { UsersService } from './users.service.js';

@ApiTags('people')
@ApiBearerAuth()
@Controller()
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokensService,
  ) {}

  @Get('me')
  @ApiOkResponse({ type: MeView })
  @ApiProblems()
  me(@CurrentUser() user: AuthUser): MeView {
    return { id: user.id, name: user.name, email: user.email, roles: user.roles };
  }

  // The colleagues a claim can be handed to (SPEC §14): active editors, by name.
  @Get('editors')
  @Roles('editor')
  @ApiOkResponse({ type: [EditorView] })
  @ApiProblems(403)
  async editors(): Promise<{ items: EditorView[] }> {
    return { items: await this.users.activeEditors() };
  }

  @Post('users')
  @Roles('admin')
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: CreatedUserView })
  @ApiProblems(400, 403, 409)
  create(@CurrentUser() user: AuthUser, @Body() body: CreateUserDto): Promise<CreatedUserView> {
    return this.users.create(actorOf(user), body);
  }

  @Get('users')
  @Roles('admin')
  @ApiOkResponse({ type: [UserView] })
  @ApiProblems(403)
  async list(): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  @Patch('users/:id')
  @Roles('admin')
  @ApiOkResponse({ type: UserView })
  @ApiProblems(400, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: UpdateUserDto,
  ): Promise<UserView> {
    return this.users.update(actorOf(user), id, body);
  }

  @Post('users/:id/tokens')
  @Roles('admin')
  @Header('cache-control', 'no-store')
  @ApiCreatedResponse({ type: TokenView })
  @ApiProblems(400, 403, 404)
  issueToken(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: IssueTokenDto,
  ): Promise<TokenView> {
    return this.tokens.issue(actorOf(user), id, body.label, body.expiresAt);
  }

  // Admins list anyone's tokens; every user may list their own (to see what is live on
  // their account and revoke through an admin what they no longer use).
  @Get('users/:id/tokens')
  @ApiOkResponse({ type: [TokenSummaryView] })
  @ApiProblems(403, 404)
  async listTokens(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<{ items: TokenSummaryView[] }> {
    if (id !== user.id && !hasRole(user, 'admin')) {
      throw new DomainError('forbidden', 'Only admins may list the tokens of other users.');
    }
    if (!(await this.users.exists(id))) throw new DomainError('not-found', `No user ${id}.`);
    return { items: await this.tokens.list(id) };
  }

  @Delete('tokens/:id')
  @HttpCode(204)
  @Roles('admin')
  @ApiProblems(403, 404)
  async revoke(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string) {
    await this.tokens.revoke(actorOf(user), id);
  }
}
