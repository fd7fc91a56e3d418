import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '../../auth/decorators.js';
import { SignInOptionsView } from './dto/sign-in-options.view.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

// What the desk's sign-in page may offer besides passkeys, asked before anyone has
// signed in: so it names nothing secret, only whether single sign-on is set up.
@ApiTags('sign-in')
@Public()
@Controller('auth/sign-in-options')
export class SignInOptionsController {
  constructor(private readonly oidc: OidcSignInService) {}

  @Get()
  @ApiOperation({ summary: 'the ways of signing in this claimdesk offers (no token needed)' })
  @ApiOkResponse({ type: SignInOptionsView })
  options(): SignInOptionsView {
    return { oidc: this.oidc.enabled };
  }
}
