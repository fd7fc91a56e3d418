export const ROLES = ['reporter', 'editor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

// The person behind a request, as resolved from their bearer token.
export interface AuthUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  tokenId: string;
}

export const hasRole = (user: Pick<AuthUser, 'roles'>, ...roles: Role[]) =>
  roles.some((role) => user.roles.includes(role));
