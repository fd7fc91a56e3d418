import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';

// What the callback needs to finish a sign-in this browser started: the state and nonce
// sent to the provider and the PKCE verifier. It rides in a short-lived cookie rather than
// in the database, so any replica can finish a sign-in another one started, and it is
// cleared as the callback reads it, so it serves one callback only.
export interface OidcTransaction {
  state: string;
  nonce: string;
  codeVerifier: string;
}

export const OIDC_TRANSACTION_COOKIE = 'claimdesk_oidc';
// Long enough to type a password and approve a second factor at the provider.
const TRANSACTION_SECONDS = 10 * 60;

// HttpOnly; Path limited to the two OIDC routes; SameSite=Lax because the callback is a
// top-level navigation coming from the provider's site, which a Strict cookie would miss.
const attributes = (secure: boolean) =>
  ({ httpOnly: true, sameSite: 'lax', path: '/auth/oidc', secure }) as const;

export function setTransactionCookie(
  reply: FastifyReply,
  transaction: OidcTransaction,
  secure: boolean,
): void {
  const value = Buffer.from(JSON.stringify(transaction)).toString('base64url');
  appendSetCookie(
    reply,
    stringifySetCookie({
      name: OIDC_TRANSACTION_COOKIE,
      value,
      ...attributes(secure),
      maxAge: TRANSACTION_SECONDS,
    }),
  );
}

export function clearTransactionCookie(reply: FastifyReply, secure: boolean): void {
  appendSetCookie(
    reply,
    stringifySetCookie({
      name: OIDC_TRANSACTION_COOKIE,
      value: '',
      ...attributes(secure),
      maxAge: 0,
    }),
  );
}

// The transaction this browser carries, or undefined when it carries none or a malformed one.
export function transactionOf(request: FastifyRequest): OidcTransaction | undefined {
  const value =
    request.headers.cookie && parseCookie(request.headers.cookie)[OIDC_TRANSACTION_COOKIE];
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as unknown;
    return isTransaction(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

const isTransaction = (value: unknown): value is OidcTransaction =>
  typeof value === 'object' &&
  value !== null &&
  (['state', 'nonce', 'codeVerifier'] as const).every(
    (key) => typeof (value as Record<string, unknown>)[key] === 'string',
  );

function appendSetCookie(reply: FastifyReply, value: string): void {
  const existing = reply.getHeader('set-cookie');
  const values =
    existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  void reply.header('set-cookie', [...values, value]);
}
