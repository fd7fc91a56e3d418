// The newsroom's roles (SPEC §2). What each may do is in claim-access.ts; the guards that
// enforce roles on routes are in auth/.
export const ROLES = ['reporter', 'editor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// Who may read the audit trail, its export and its digest.
export const AUDIT_READERS: readonly Role[] = ['auditor', 'admin'];

export const hasRole = (person: { roles: readonly Role[] }, ...roles: Role[]) =>
  roles.some((role) => person.roles.includes(role));
