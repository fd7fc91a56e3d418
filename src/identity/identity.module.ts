import { Global, Module } from '@nestjs/common';
import { SessionAuthenticator } from '../auth/session-authenticator.js';
import { SessionAuthenticatorService } from './sessions/session-authenticator.service.js';
import { SessionClock } from './sessions/session-clock.js';
import { SessionIssuerService } from './sessions/session-issuer.service.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsService } from './sessions/sessions.service.js';

// People sign in (SPEC §16): sessions, invitations, passkeys. Global so that auth/'s
// guards, a floor below, find the SessionAuthenticator it provides.
@Global()
@Module({
  controllers: [SessionsController],
  providers: [
    SessionClock,
    SessionsService,
    SessionIssuerService,
    SessionAuthenticatorService,
    { provide: SessionAuthenticator, useExisting: SessionAuthenticatorService },
  ],
  exports: [SessionAuthenticator, SessionIssuerService, SessionClock],
})
export class IdentityModule {}
