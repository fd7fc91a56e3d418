import { Global, Module } from '@nestjs/common';
import { SessionAuthenticator } from '../auth/session-authenticator.js';
import { FirstAdminSignIn } from '../auth/first-admin-sign-in.js';
import { FirstAdminInvitationService } from './invitations/first-admin-invitation.service.js';
import { InvitationsController } from './invitations/invitations.controller.js';
import { InvitationsService } from './invitations/invitations.service.js';
import { PasskeysController } from './passkeys/passkeys.controller.js';
import { PasskeysService } from './passkeys/passkeys.service.js';
import { WebAuthnChallengesService } from './passkeys/webauthn-challenges.service.js';
import { SignInLimiterService } from './sign-in/sign-in-limiter.service.js';
import { SessionAuthenticatorService } from './sessions/session-authenticator.service.js';
import { SessionClock } from './sessions/session-clock.js';
import { SessionIssuerService } from './sessions/session-issuer.service.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsService } from './sessions/sessions.service.js';

// People sign in (SPEC §16): sessions, invitations, passkeys. Global so that auth/'s
// guards, a floor below, find the SessionAuthenticator it provides.
@Global()
@Module({
  controllers: [SessionsController, InvitationsController, PasskeysController],
  providers: [
    SessionClock,
    SessionsService,
    InvitationsService,
    PasskeysService,
    WebAuthnChallengesService,
    SignInLimiterService,
    SessionIssuerService,
    SessionAuthenticatorService,
    { provide: SessionAuthenticator, useExisting: SessionAuthenticatorService },
    FirstAdminInvitationService,
    { provide: FirstAdminSignIn, useExisting: FirstAdminInvitationService },
  ],
  exports: [
    SessionAuthenticator,
    FirstAdminSignIn,
    SessionIssuerService,
    SessionClock,
    SignInLimiterService,
    InvitationsService,
  ],
})
export class IdentityModule {}
