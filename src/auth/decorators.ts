import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Roles as RequireRoles } from '../common/http/roles.decorator.js';
import type { FastifyRequest } from 'fastify';
import type { AuthUser, Role } from './role.js';

export const PUBLIC_ROUTE = 'claimdesk:public';

// A route anyone may call without a token (health, the web app's static files).
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

// A route only users holding at least one of these roles may call.
export const Roles = (...roles: Role[]) => RequireRoles(...roles);
export { REQUIRED_ROLES } from '../common/http/roles.decorator.js';

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user!,
);
