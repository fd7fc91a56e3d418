import { Controller, Get, Logger, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth/decorators.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AppConfig } from '../../config/app-config.js';
import { isSecureBaseUrl } from '../sessions/session-cookie.js';
import { SessionIssuerService } from '../sessions/session-issuer.service.js';
import { SignInLimiterService } from '../sign-in/sign-in-limiter.service.js';
import { refusalPage } from './oidc-pages.js';
import { OidcRefusal } from './oidc-refusal.js';
import { OidcSignInService } from './oidc-sign-in.service.js';
import { clearTransactionCookie, setTransactionCookie, transactionOf } from './oidc-transaction.js';

const HTML = 'text/html; charset=utf-8';

// Signing in through the newsroom's OpenID Connect provider (SPEC §16). Browser
// navigations, not API calls: outside /api/v1, answered with redirects and HTML pages.
@ApiTags('sign-in')
@Public()
@Controller('auth/oidc')
export class OidcController {
  private readonly logger = new Logger(OidcController.name);

  constructor(
    private readonly signIn: OidcSignInService,
    private readonly sessions: SessionIssuerService,
    // The same per-address and per-person budgets as a passkey sign-in.
    private readonly limiter: SignInLimiterService,
    private readonly config: AppConfig,
  ) {}

  private get secure(): boolean {
    return isSecureBaseUrl(this.config.publicBaseUrl);
  }

  @Get('start')
  @ApiOperation({ summary: "redirect to the newsroom's identity provider to sign in" })
  @ApiProduces(HTML)
  @ApiResponse({ status: 302, description: 'to the provider, with PKCE, state and nonce' })
  @ApiResponse({ status: 404, description: 'OIDC_* are not set (HTML page)' })
  @ApiResponse({ status: 503, description: 'the provider cannot be reached (HTML page)' })
  async start(@Res() reply: FastifyReply): Promise<void> {
    try {
      const { url, transaction } = await this.signIn.begin();
      setTransactionCookie(reply, transaction, this.secure);
      this.noStore(reply).redirect(url, 302);
    } catch (error) {
      this.refuse(reply, error);
    }
  }

  @Get('callback')
  @ApiOperation({
    summary: 'where the provider sends the browser back: signs the person in by verified email',
  })
  @ApiProduces(HTML)
  @ApiResponse({ status: 302, description: 'signed in: the session cookie is set; to the desk' })
  @ApiResponse({ status: 400, description: 'wrong state, or a used or expired code (HTML page)' })
  @ApiResponse({ status: 401, description: 'the provider answered with an error (HTML page)' })
  @ApiResponse({
    status: 403,
    description: 'no active user with this verified email (HTML page)',
  })
  @ApiResponse({
    status: 429,
    description: 'too many sign-in attempts from this address or for this person (HTML page)',
  })
  @ApiResponse({ status: 502, description: "the provider's answer failed the checks (HTML page)" })
  @ApiResponse({ status: 503, description: 'the provider cannot be reached (HTML page)' })
  async callback(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    // One callback per transaction, whatever its outcome.
    clearTransactionCookie(reply, this.secure);
    try {
      this.limited(() => this.limiter.attemptFromAddress(request.ip));
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      const user = await this.signIn.complete(query, transactionOf(request));
      this.limited(() => this.limiter.attemptAsUser(user.id));
      await this.sessions.startSession(reply, user.id, 'oidc', request);
      this.noStore(reply).redirect(`${this.config.publicBaseUrl}/`, 302);
    } catch (error) {
      if (error instanceof OidcRefusal && error.reason !== 'rate-limited') {
        // The address helps the administrator answer "why can I not sign in?".
        const email = error.details.email ? ` (${error.details.email})` : '';
        this.logger.log(
          `OpenID Connect sign-in refused from ${request.ip}: ${error.reason}${email}`,
        );
      }
      this.refuse(reply, error);
    }
  }

  // The limiter's 429 as this flow's page.
  private limited(attempt: () => void): void {
    try {
      attempt();
    } catch (error) {
      if (!(error instanceof DomainError) || error.code !== 'rate-limited') throw error;
      const retryAfterSeconds = Number(error.options.headers?.['retry-after']) || 60;
      throw new OidcRefusal('rate-limited', { retryAfterSeconds });
    }
  }

  private refuse(reply: FastifyReply, error: unknown): void {
    if (!(error instanceof OidcRefusal)) throw error;
    const { retryAfterSeconds } = error.details;
    if (retryAfterSeconds) void reply.header('retry-after', String(retryAfterSeconds));
    void this.noStore(reply).status(error.status).type(HTML).send(refusalPage(error).value);
  }

  private noStore(reply: FastifyReply): FastifyReply {
    return reply.header('cache-control', 'no-store');
  }
}
