import type { AuditActor } from '../audit/audit-event.js';
import type { AuthUser } from './role.js';

// Who did it, as recorded in the audit trail: a snapshot, so renaming a user later does
// not rewrite history, with the token the request used, so a leaked token's actions can be
// told apart from the same person's others (or the sign-in session, for the desk).
export const actorOf = (
  user: Pick<AuthUser, 'id' | 'name' | 'roles' | 'tokenId' | 'sessionId'>,
): AuditActor => ({
  id: user.id,
  name: user.name,
  roles: [...user.roles],
  ...(user.tokenId && { tokenId: user.tokenId }),
  ...(user.sessionId && { sessionId: user.sessionId }),
});

// Changes made from the operator CLI or at first start, not by a signed-in person.
export const OPERATOR_ACTOR: AuditActor = {
  id: '00000000-0000-0000-0000-000000000000',
  name: 'operator',
  roles: ['admin'],
};
