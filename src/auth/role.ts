import type { Role } from '../domain/roles.js';

// The role list and what each role may do are the newsroom's rules (domain/roles.ts).
export { hasRole, ROLES, type Role } from '../domain/roles.js';

// The person behind a request, as resolved from their bearer token or sign-in session:
// exactly one of tokenId and sessionId is set.
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  tokenId?: string;
  sessionId?: string;
  // Recalled from a recent lookup of the same token instead of looked up for this request:
  // only a statement that checks identityHolds() may act on it (remembered-identity.ts).
  remembered?: true;
}
