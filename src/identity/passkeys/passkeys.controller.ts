import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/server';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { actorOf } from '../../auth/actor.js';
import { CurrentUser, Public } from '../../auth/decorators.js';
import { hasRole, type AuthUser } from '../../auth/role.js';
import { ApiProblems } from '../../common/openapi/api-problems.decorator.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { ParseIdPipe } from '../../common/validation/parse-id.pipe.js';
import { InvitationsService } from '../invitations/invitations.service.js';
import { SessionAuthenticatorService } from '../sessions/session-authenticator.service.js';
import { SessionIssuerService } from '../sessions/session-issuer.service.js';
import { SignInLimiterService } from '../sign-in/sign-in-limiter.service.js';
import {
  RegistrationOptionsDto,
  RegistrationVerifyDto,
  WebAuthnResponseDto,
} from './dto/passkey.dto.js';
import { PasskeyView, SignedInView } from './dto/passkey.view.js';
import { PasskeysService } from './passkeys.service.js';

const OPTIONS_SCHEMA = { type: 'object', additionalProperties: true } as const;

@ApiTags('sign-in')
@Controller()
export class PasskeysController {
  constructor(
    private readonly passkeys: PasskeysService,
    private readonly invitations: InvitationsService,
    private readonly sessions: SessionAuthenticatorService,
    private readonly issuer: SessionIssuerService,
    private readonly limiter: SignInLimiterService,
  ) {}

  // With an invitation token, for the invited person; without, for the signed-in person
  // adding another passkey (the session cookie says who).
  @Post('auth/passkeys/registration/options')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'PublicKeyCredentialCreationOptionsJSON', schema: OPTIONS_SCHEMA })
  @ApiProblems(400, 401, 403, 429)
  async registrationOptions(
    @Body() body: RegistrationOptionsDto,
    @Req() request: FastifyRequest,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    if (body.invitationToken !== undefined) {
      this.limiter.attemptFromAddress(request.ip);
      const invitation = await this.invitations.open(body.invitationToken);
      return this.passkeys.registrationOptions({
        userId: invitation.userId,
        invitationId: invitation.id,
      });
    }
    const user = await this.signedIn(request);
    return this.passkeys.registrationOptions({ userId: user.id, invitationId: null });
  }

  // Stores the new passkey. An invited person is signed in by it at once.
  @Post('auth/passkeys/registration/verify')
  @Public()
  @ApiCreatedResponse({ type: PasskeyView })
  @ApiProblems(400, 401, 403, 409, 429)
  async registrationVerify(
    @Body() body: RegistrationVerifyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PasskeyView> {
    this.limiter.attemptFromAddress(request.ip);
    const session = this.sessions.carriesSession(request)
      ? await this.sessions.authenticate(request)
      : null;
    const { label, ...response } = body;
    const { passkey, target } = await this.passkeys.register(
      // The library checks every field inside `response` and refuses what is off.
      { clientExtensionResults: {}, ...response } as unknown as RegistrationResponseJSON,
      label,
      session && actorOf(session),
    );
    if (target.invitationId && session?.id !== passkey.userId) {
      await this.issuer.startSession(reply, passkey.userId, 'passkey', request);
    }
    return passkey;
  }

  @Post('auth/passkeys/authentication/options')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ description: 'PublicKeyCredentialRequestOptionsJSON', schema: OPTIONS_SCHEMA })
  @ApiProblems(429)
  authenticationOptions(
    @Req() request: FastifyRequest,
  ): Promise<PublicKeyCredentialRequestOptionsJSON> {
    this.limiter.attemptFromAddress(request.ip);
    return this.passkeys.authenticationOptions();
  }

  // Signs the person in: sets the session cookie and answers who they are.
  @Post('auth/passkeys/authentication/verify')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: SignedInView })
  @ApiProblems(400, 401, 403, 429)
  async authenticationVerify(
    @Body() body: WebAuthnResponseDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedInView> {
    const userId = await this.passkeys.authenticate(
      { clientExtensionResults: {}, ...body } as unknown as AuthenticationResponseJSON,
      request.ip,
    );
    await this.issuer.startSession(reply, userId, 'passkey', request);
    const person = (await this.passkeys.person(userId))!;
    return { id: person.id, name: person.name, email: person.email, roles: person.roles };
  }

  @Get('passkeys')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [PasskeyView] })
  @ApiProblems()
  async listOwn(@CurrentUser() user: AuthUser): Promise<{ items: PasskeyView[] }> {
    return { items: await this.passkeys.list(user.id) };
  }

  @Get('users/:id/passkeys')
  @ApiBearerAuth()
  @ApiOkResponse({ type: [PasskeyView] })
  @ApiProblems(403, 404)
  async listOf(
    @CurrentUser() user: AuthUser,
    @Param('id', ParseIdPipe) id: string,
  ): Promise<{ items: PasskeyView[] }> {
    if (id !== user.id && !hasRole(user, 'admin')) {
      throw new DomainError('forbidden', 'Only admins may list the passkeys of other users.');
    }
    if (!(await this.passkeys.person(id))) throw new DomainError('not-found', `No user ${id}.`);
    return { items: await this.passkeys.list(id) };
  }

  // People remove their own passkeys; admins anyone's (a lost security key).
  @Delete('passkeys/:id')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiProblems(403, 404)
  async remove(@CurrentUser() user: AuthUser, @Param('id', ParseIdPipe) id: string): Promise<void> {
    const owner = await this.passkeys.ownerOf(id);
    if (owner === null) throw new DomainError('not-found', `No passkey ${id}.`);
    if (owner !== user.id && !hasRole(user, 'admin')) {
      throw new DomainError('forbidden', "Only admins may remove other people's passkeys.");
    }
    await this.passkeys.remove(actorOf(user), id);
  }

  private async signedIn(request: FastifyRequest): Promise<AuthUser> {
    const user = this.sessions.carriesSession(request)
      ? await this.sessions.authenticate(request)
      : null;
    if (!user) {
      throw new DomainError(
        'unauthenticated',
        'Sign in, or open your invitation link, to register a passkey.',
      );
    }
    return user;
  }
}
