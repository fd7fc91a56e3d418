// Why a sign-in through the newsroom's identity provider did not end in a session. Each
// reason is answered with its own page (oidc-pages.ts) and status, so the person and the
// newsroom's IT administrator can tell what to do next.
export const OIDC_REFUSALS = {
  // OIDC_* are not set: there is no provider to send anyone to.
  'not-configured': { status: 404, title: 'Single sign-on is not set up' },
  // The provider answered the sign-in with an error (the person cancelled, no access).
  'provider-error': { status: 401, title: 'Your identity provider did not sign you in' },
  // No transaction cookie, or its state is not the one the provider sent back: the
  // sign-in was started in another browser, took too long, or was already finished.
  'state-mismatch': { status: 400, title: 'This sign-in link is not valid here' },
  // A callback URL that cannot be the provider's answer: damaged, repeated parameters,
  // another issuer, tokens in the URL.
  'malformed-callback': { status: 400, title: 'This sign-in link is damaged' },
  // The provider refused the code: used already (a replay) or expired.
  'code-rejected': { status: 400, title: 'This sign-in link was already used' },
  'no-email': { status: 403, title: 'Your identity provider did not share your email address' },
  'unverified-email': { status: 403, title: 'Your email address is not verified' },
  'unknown-person': { status: 403, title: 'No claimdesk account for this address' },
  deactivated: { status: 403, title: 'Your claimdesk account is deactivated' },
  'rate-limited': { status: 429, title: 'Too many sign-in attempts' },
  // The provider could not be reached (discovery, token endpoint) in time.
  unavailable: { status: 503, title: 'Your identity provider cannot be reached' },
  // The provider answered with something openid-client does not accept (a bad ID token).
  'invalid-response': { status: 502, title: 'Your identity provider answered unexpectedly' },
} as const satisfies Record<string, { status: number; title: string }>;

export type OidcRefusalReason = keyof typeof OIDC_REFUSALS;

export interface OidcRefusalDetails {
  // The address the provider named, shown back so the person knows which account it was.
  email?: string;
  // The provider's error code (RFC 6749 §4.1.2.1), e.g. access_denied.
  providerError?: string;
  retryAfterSeconds?: number;
}

export class OidcRefusal extends Error {
  constructor(
    readonly reason: OidcRefusalReason,
    readonly details: OidcRefusalDetails = {},
    options: { cause?: unknown } = {},
  ) {
    super(`OpenID Connect sign-in refused: ${reason}`, options);
    this.name = 'OidcRefusal';
  }

  get status(): number {
    return OIDC_REFUSALS[this.reason].status;
  }
}
