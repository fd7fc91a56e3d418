import { SetMetadata } from '@nestjs/common';

export const REQUIRED_ROLES = 'claimdesk:roles';

// A route only users holding at least one of these roles may call; auth/'s guard enforces
// it. Here, below every feature, so that rooms under auth/ (the audit trail) can say it too.
export const Roles = <R extends string>(...roles: readonly R[]) =>
  SetMetadata(REQUIRED_ROLES, roles);
