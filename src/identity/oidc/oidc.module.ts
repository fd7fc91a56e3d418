import { Module } from '@nestjs/common';
import { AuthModule } from '../../auth/auth.module.js';
import { OidcController } from './oidc.controller.js';
import { SignInOptionsController } from './sign-in-options.controller.js';
import { OidcDiscoveryService } from './oidc-discovery.service.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

// Signing in with the newsroom's OpenID Connect provider. Sessions come from the identity
// module's SessionIssuerService, like every other way of signing in.
@Module({
  imports: [AuthModule],
  controllers: [OidcController, SignInOptionsController],
  providers: [OidcDiscoveryService, OidcSignInService],
  exports: [OidcSignInService],
})
export class OidcModule {}
