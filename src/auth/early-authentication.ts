import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../common/problem/domain-error.js';
import { problemFromDomainError, sendProblem } from '../common/problem/problem.js';
import { AuthFailureLimiter } from './auth-failures.js';
import type { AuthenticatedRequest } from './decorators.js';
import type { AuthUser } from './role.js';
import type { SessionAuthenticator } from './session-authenticator.js';
import { TokenAuthenticatorService } from './token-authenticator.service.js';

const BEARER = /^Bearer\s+(\S+)\s*$/i;
const API_PREFIX = '/api/v1/';

export const bearerSecret = (request: FastifyRequest): string | undefined =>
  BEARER.exec(request.headers.authorization ?? '')?.[1];

export const unauthenticated = () =>
  new DomainError('unauthenticated', 'A valid bearer token or sign-in session is required.', {
    headers: { 'www-authenticate': 'Bearer' },
  });

// A bearer token wins over a cookie: scripts never depend on what a browser also sends.
export async function authenticateRequest(
  request: FastifyRequest,
  tokens: TokenAuthenticatorService,
  sessions: SessionAuthenticator | undefined,
): Promise<AuthUser | null> {
  const secret = bearerSecret(request);
  if (secret) return tokens.authenticate(secret);
  if (sessions?.carriesSession(request)) return sessions.authenticate(request);
  return null;
}

// A remembered identity serves only a route whose statement confirms it, and not a request
// with an Idempotency-Key: its replay would answer from storage, with no statement to check.
function mayRecall(request: FastifyRequest): boolean {
  return (
    (request.routeOptions.config as { identityInStatement?: boolean }).identityInStatement ===
      true &&
    bearerSecret(request) !== undefined &&
    request.headers['idempotency-key'] === undefined
  );
}

// Checks the bearer token (or the desk's session cookie) as soon as the request line and headers are in, before the body
// is read or parsed: a caller without a live token costs one indexed lookup (none for a
// malformed token) and never a JSON parse. Failures count against the client address
// (request.ip, which honours X-Forwarded-For only as far as TRUST_PROXY allows). The
// AuthGuard then finds `request.user` set and only checks roles.
export function authenticateBeforeBody(
  fastify: FastifyInstance,
  authenticator: TokenAuthenticatorService,
  failures: AuthFailureLimiter,
  sessions?: SessionAuthenticator,
): void {
  fastify.addHook('onRequest', async (request: AuthenticatedRequest, reply) => {
    const route = request.routeOptions;
    if (!route.url?.startsWith(API_PREFIX) || (route.config as { public?: boolean })?.public) {
      return;
    }
    const retryAfter = failures.retryAfterSeconds(request.ip);
    if (retryAfter > 0) {
      const limited = new DomainError(
        'rate-limited',
        `Too many failed authentications from this address; try again in ${retryAfter} s.`,
        { headers: { 'retry-after': String(retryAfter) } },
      );
      return sendProblem(reply, problemFromDomainError(limited));
    }
    const remembered = mayRecall(request)
      ? authenticator.recall(bearerSecret(request)!)
      : undefined;
    if (remembered) {
      request.user = remembered;
      return;
    }
    let user: AuthUser | null;
    try {
      user = await authenticateRequest(request, authenticator, sessions);
    } catch (error) {
      if (error instanceof DomainError) return sendProblem(reply, problemFromDomainError(error));
      throw error;
    }
    if (user) {
      request.user = user;
      return;
    }
    failures.record(request.ip);
    return sendProblem(reply, problemFromDomainError(unauthenticated()));
  });
}
