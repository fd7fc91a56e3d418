import { Injectable, Logger } from '@nestjs/common';
import * as oidc from 'openid-client';
import type { User } from '../../auth/user.entity.js';
import { UsersService } from '../../auth/users.service.js';
import { isWellFormedCallback } from './callback-parameters.js';
import { OidcDiscoveryService } from './oidc-discovery.service.js';
import { OidcRefusal } from './oidc-refusal.js';
import type { OidcTransaction } from './oidc-transaction.js';
import { verifiedEmailOf } from './verified-email.js';

// Only who the person is: no access to anything at the provider is asked for.
const SCOPE = 'openid email';
const PROVIDER_ERROR_CODE = /^[A-Za-z0-9_.-]{1,64}$/;
const CODE_REFUSALS = new Set(['invalid_grant', 'invalid_request']);

// The authorization-code flow with PKCE, state and nonce (SPEC §16), all of it done by
// openid-client: this service only decides whom a verified answer signs in.
@Injectable()
export class OidcSignInService {
  private readonly logger = new Logger(OidcSignInService.name);

  constructor(
    private readonly discovery: OidcDiscoveryService,
    private readonly users: UsersService,
  ) {}

  get enabled(): boolean {
    return this.discovery.settings !== undefined;
  }

  // Where to send the browser, and what it must bring back to the callback.
  async begin(): Promise<{ url: string; transaction: OidcTransaction }> {
    const configuration = await this.discovery.configuration();
    const transaction: OidcTransaction = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: this.discovery.settings!.redirectUri,
      scope: SCOPE,
      code_challenge: await oidc.calculatePKCECodeChallenge(transaction.codeVerifier),
      code_challenge_method: 'S256',
      state: transaction.state,
      nonce: transaction.nonce,
    });
    return { url: url.href, transaction };
  }

  // The active user the provider's answer names by a verified email, or an OidcRefusal.
  // `query` is the callback's query string exactly as the provider sent it.
  async complete(query: string, transaction: OidcTransaction | undefined): Promise<User> {
    const configuration = await this.discovery.configuration();
    // The callback URL is rebuilt from PUBLIC_BASE_URL, never from the Host header.
    const callbackUrl = new URL(this.discovery.settings!.redirectUri);
    callbackUrl.search = query;
    // openid-client compares the state too; checking first tells "not started in this
    // browser" apart from the provider's own refusals.
    if (!transaction || callbackUrl.searchParams.get('state') !== transaction.state) {
      throw new OidcRefusal('state-mismatch');
    }
    if (!isWellFormedCallback(callbackUrl.searchParams, configuration.serverMetadata())) {
      throw new OidcRefusal('malformed-callback');
    }
    const tokens = await this.exchange(configuration, callbackUrl, transaction);
    const claims = tokens.claims()!;
    // Providers that keep the email out of the ID token (some Entra and Okta set-ups) give
    // it from the user info endpoint, checked against the ID token's subject.
    const userInfo =
      claims.email === undefined && configuration.serverMetadata().userinfo_endpoint
        ? await this.call(() => oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub))
        : undefined;
    const identity = verifiedEmailOf(userInfo ?? claims);
    if (!identity.email) throw new OidcRefusal('no-email');
    if (!identity.verified) throw new OidcRefusal('unverified-email', { email: identity.email });
    const user = await this.users.findByIdOrEmail(identity.email);
    if (!user) throw new OidcRefusal('unknown-person', { email: identity.email });
    if (!user.active) throw new OidcRefusal('deactivated', { email: identity.email });
    return user;
  }

  private exchange(
    configuration: oidc.Configuration,
    callbackUrl: URL,
    transaction: OidcTransaction,
  ): ReturnType<typeof oidc.authorizationCodeGrant> {
    return this.call(() =>
      oidc.authorizationCodeGrant(configuration, callbackUrl, {
        pkceCodeVerifier: transaction.codeVerifier,
        expectedState: transaction.state,
        expectedNonce: transaction.nonce,
        idTokenExpected: true,
      }),
    );
  }

  // Runs a request to the provider, turning what openid-client throws into a refusal.
  private async call<T>(request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (error) {
      throw this.refusalFor(error);
    }
  }

  private refusalFor(error: unknown): OidcRefusal {
    if (error instanceof oidc.AuthorizationResponseError) {
      const code = PROVIDER_ERROR_CODE.test(error.error) ? error.error : undefined;
      return new OidcRefusal('provider-error', { providerError: code }, { cause: error });
    }
    // invalid_grant: the code was used, expired or made up; invalid_request: it was not
    // even shaped like a code. Either way the link, not the provider, is at fault.
    if (error instanceof oidc.ResponseBodyError && CODE_REFUSALS.has(error.error)) {
      return new OidcRefusal('code-rejected', {}, { cause: error });
    }
    if (isUnreachable(error)) {
      this.logger.warn(`OpenID provider unreachable: ${(error as Error).message}`);
      return new OidcRefusal('unavailable', {}, { cause: error });
    }
    // A wrong client secret (invalid_client), a bad ID token signature, a nonce or issuer
    // that does not match: the newsroom's administrator has something to fix.
    const code = error instanceof oidc.ResponseBodyError ? ` (${error.error})` : '';
    this.logger.warn(`OpenID provider's answer refused: ${(error as Error).message}${code}`);
    return new OidcRefusal('invalid-response', {}, { cause: error });
  }
}

// fetch's network errors are TypeErrors; timeouts and 5xx answers come as ClientErrors.
const UNREACHABLE_CODES = new Set([
  'OAUTH_TIMEOUT',
  'OAUTH_ABORT',
  'OAUTH_RESPONSE_IS_NOT_CONFORM',
]);
const isUnreachable = (error: unknown): boolean =>
  error instanceof TypeError ||
  (error instanceof oidc.ClientError && UNREACHABLE_CODES.has(error.code ?? ''));
