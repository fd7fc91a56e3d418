import type { AuthenticatedRequest } from './decorators.js';
import type { AuthUser } from './role.js';

// Writes that confirm the caller's identity in their own statement (submit, transitions)
// may start from the identity a recent lookup of the same token found, instead of looking
// the token up again: one round trip less on the busiest requests. Nothing else may act on
// a remembered identity: a revoked token or a deactivated user must be refused on the very
// next request, on every process, and only the database knows that. So the statement
// checks identityHolds() (token-sql.ts) and writes nothing when it fails; the request is
// then answered as if it had just arrived (confirmingIdentity()).

// How long a lookup is remembered. It bounds how stale last_used_at may get (the lookup
// writes it at most once a minute), never what a revoked token may do.
export const REMEMBER_FOR_MS = 30_000;
// Entries kept at most: the oldest go first.
export const REMEMBER_AT_MOST = 10_000;

// Thrown where a remembered identity is not enough: the statement found it no longer holds,
// or the request needs a confirmed identity before it may answer anything (a 404 would
// already tell a revoked token something).
export class UnconfirmedIdentityError extends Error {
  constructor() {
    super('The remembered identity must be confirmed by a lookup.');
  }
}

// Parameters for identityHolds(): the remembered identity to check (none for an identity
// looked up for this request, whose statement has no check).
export const identityCheckParameters = (user: AuthUser): unknown[] =>
  user.remembered ? [user.tokenId, user.id, user.name, user.roles] : [];

// Runs a write whose statement confirms the caller's identity (a route marked
// @ConfirmsIdentityInStatement()) for the request's user. When it meets
// UnconfirmedIdentityError (nothing was written), the token is looked up now and the
// request answered as if it had just arrived: 401 for a revoked token or a deactivated
// user, 403 for a role taken away, otherwise the write runs again, once, for the identity
// just found. The handler calls it itself, rather than a global interceptor wrapping
// every request of the service in observables for the sake of these two routes.
export async function confirmingIdentity<T>(
  request: AuthenticatedRequest,
  write: (user: AuthUser) => Promise<T>,
): Promise<T> {
  try {
    return await write(request.user!);
  } catch (error) {
    if (!(error instanceof UnconfirmedIdentityError) || !request.confirmIdentity) throw error;
    const confirm = request.confirmIdentity;
    request.confirmIdentity = undefined;
    return write(await confirm());
  }
}

// A step that must not answer a remembered identity (see UnconfirmedIdentityError).
export function requireConfirmedIdentity(user: AuthUser): void {
  if (user.remembered) throw new UnconfirmedIdentityError();
}

// Token hash → the identity its last lookup found, with when. Insertion order is age order.
export class RecentLookups {
  private readonly entries = new Map<string, { user: AuthUser; at: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  recall(tokenHash: string): AuthUser | undefined {
    const entry = this.entries.get(tokenHash);
    if (!entry) return undefined;
    if (this.now() - entry.at > REMEMBER_FOR_MS) {
      this.entries.delete(tokenHash);
      return undefined;
    }
    return { ...entry.user, roles: [...entry.user.roles], remembered: true };
  }

  remember(tokenHash: string, user: AuthUser): void {
    this.entries.delete(tokenHash);
    this.entries.set(tokenHash, { user, at: this.now() });
    if (this.entries.size > REMEMBER_AT_MOST) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  forget(tokenHash: string): void {
    this.entries.delete(tokenHash);
  }
}
