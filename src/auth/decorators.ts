import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuthUser, Role } from './role.js';

export const PUBLIC_ROUTE = 'claimdesk:public';
export const REQUIRED_ROLES = 'claimdesk:roles';

// A route anyone may call without a token (health, the web app's static files).
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

// A route only users holding at least one of these roles may call.
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

export type AuthenticatedRequest = FastifyRequest & { user?: AuthUser };

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user!,
);
