import type { FastifyRequest } from 'fastify';
import type { AuthUser } from './role.js';

// How a request from the desk, carrying a sign-in cookie instead of a bearer token, is
// authenticated. auth/ declares it and identity/ (a floor above) provides it, so the
// guards accept sessions without auth/ knowing how sessions are kept. Absent (the operator
// CLI), only bearer tokens authenticate.
export abstract class SessionAuthenticator {
  // Whether the request carries a session cookie at all; no database work.
  abstract carriesSession(request: FastifyRequest): boolean;

  // The active user behind a live session, or null. Throws a DomainError (403) when the
  // session is live but the request may not use it (an unsafe method from a foreign or
  // missing Origin).
  abstract authenticate(request: FastifyRequest): Promise<AuthUser | null>;
}
