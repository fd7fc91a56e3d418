import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Roles as RequireRoles } from '../common/http/roles.decorator.js';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import type { AuthUser, Role } from './role.js';

export const PUBLIC_ROUTE = 'claimdesk:public';

// A route anyone may call without a token (health, the web app's static files). Also set
// as Fastify route config (per method, also when used on a class), which the
// authentication before the body is read checks.
export const Public =
  () =>
  (target: object, key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) {
      SetMetadata(PUBLIC_ROUTE, true)(target, key!, descriptor);
      RouteConfig({ public: true })(target, key!, descriptor);
      return;
    }
    SetMetadata(PUBLIC_ROUTE, true)(target as new () => unknown);
    const prototype = (target as { prototype: object }).prototype;
    for (const name of Object.getOwnPropertyNames(prototype)) {
      const method = Object.getOwnPropertyDescriptor(prototype, name)!;
      if (name !== 'constructor' && typeof method.value === 'function') {
        RouteConfig({ public: true })(prototype, name, method);
      }
    }
  };

// A route only users holding at least one of these roles may call.
export const Roles = (...roles: Role[]) => RequireRoles(...roles);
export { REQUIRED_ROLES } from '../common/http/roles.decorator.js';

export type AuthenticatedRequest = FastifyRequest & {
  user?: AuthUser;
  // Set by the AuthGuard when it admits a remembered identity: looks the token up now and
  // checks the route's roles (AuthGuard.confirm), for confirmingIdentity().
  confirmIdentity?: () => Promise<AuthUser>;
};

export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthUser =>
    context.switchToHttp().getRequest<AuthenticatedRequest>().user!,
);
