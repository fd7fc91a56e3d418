import { Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../auth/actor.js';
import { CurrentUser } from '../../auth/decorators.js';
import { hasRole, type AuthUser } from '../../auth/role.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe.js';
import { AppConfig } from '../../config/app-config.js';
import { SessionView } from './dto/session.view.js';
import { clearSessionCookie, isSecureBaseUrl } from './session-cookie.js';
import { SessionIssuerService } from './session-issuer.service.js';
import { SessionsService } from './sessions.service.js';

@ApiTags('sign-in')
@ApiBearerAuth()
@Controller()
export class SessionsController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly issuer: SessionIssuerService,
    private readonly config: AppConfig,
  ) {}

  // A person who holds an API token (e.g. the first admin before registering a passkey)
  // trades it for a desk session, so the desk never keeps the token itself.
  @Post('auth/token-sign-in')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed in: the session cookie is set' })
  @ApiProblems(401, 403, 429)
  async tokenSignIn(
    @CurrentUser() user: AuthUser,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (!user.tokenId) {
      throw new DomainError('validation', 'Send the token as Authorization: Bearer <token>.');
    }
    await this.issuer.startSession(reply, user.id, 'token', request);
  }

  // Ends the session the request used and clears the cookie. With a token, there is no
  // session to end: nothing happens.
  @Post('auth/sign-out')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Signed out: the session is over, the cookie cleared' })
  @ApiProblems(401, 403)
  async signOut(
    @CurrentUser() user: AuthUser,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    if (user.sessionId)
      await this.sessions.end(actorOf(user), user.sessionId, 'session.signed_out');
    clearSessionCookie(reply, isSecureBaseUrl(this.config.publicBaseUrl));
  }

  @Get('sessions')
  @ApiOkResponse({ type: [SessionView] })
  @ApiProblems()
  async listOwn(@CurrentUser() user: AuthUser): Promise<{ items: SessionView[] }> {
    return { items: await this.sessions.listLive(user.id, user.sessionId) };
  }

  // Admins see anyone's sessions; everyone their own.
  @Get('users/:id/sessions')
  @ApiOkResponse({ type: [SessionView] })
  @ApiProblems(403, 404)
  async listOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<{ items: SessionView[] }> {
    if (id !== user.id && !hasRole(user, 'admin')) {
      throw new DomainError('forbidden', 'Only admins may list the sessions of other users.');
    }
    if (!(await this.sessions.userExists(id))) throw new DomainError('not-found', `No user ${id}.`);
    return { items: await this.sessions.listLive(id, user.sessionId) };
  }

  // People end their own sessions (a browser left signed in elsewhere); admins anyone's.
  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The session is over' })
  @ApiProblems(403, 404)
  async revoke(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const owner = await this.sessions.ownerOf(id);
    if (owner === null) throw new DomainError('not-found', `No session ${id}.`);
    if (owner !== user.id && !hasRole(user, 'admin')) {
      throw new DomainError('forbidden', "Only admins may end other people's sessions.");
    }
    const own = id === user.sessionId;
    await this.sessions.end(actorOf(user), id, own ? 'session.signed_out' : 'session.revoked');
    if (own) clearSessionCookie(reply, isSecureBaseUrl(this.config.publicBaseUrl));
  }
}
