import { CanActivate, ExecutionContext, Injectable, Optional } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../common/problem/domain-error.js';
import { AuthenticatedRequest, PUBLIC_ROUTE, REQUIRED_ROLES } from './decorators.js';
import { authenticateRequest, unauthenticated } from './early-authentication.js';
import { hasRole, Role } from './role.js';
import type { AuthUser } from './role.js';
import { SessionAuthenticator } from './session-authenticator.js';
import { TokenAuthenticatorService } from './token-authenticator.service.js';

// Every route needs a valid bearer token (or desk session) unless marked @Public();
// @Roles() narrows it. 401: no or bad token. 403: a good token without the role.
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: TokenAuthenticatorService,
    @Optional() private readonly sessions?: SessionAuthenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    // Normally authenticated before the body was read (early-authentication.ts); looked up
    // here only for a route that hook does not cover.
    const user =
      request.user ?? (await authenticateRequest(request, this.authenticator, this.sessions));
    if (!user) throw unauthenticated();
    // A remembered identity may be missing a role given since: a 403 is decided on a lookup.
    if (user.remembered && !this.mayCall(context, user)) {
      await this.confirm(context);
      return true;
    }
    request.user = user;
    this.assertMayCall(context, user);
    // For the handler's statement, should it find the remembered identity no longer holds.
    if (user.remembered) request.confirmIdentity = () => this.confirm(context);
    return true;
  }

  // The request's identity looked up now, as if the request had just arrived: 401 when it
  // no longer holds, 403 when it lacks the route's role. confirmingIdentity() calls it when
  // a statement could not confirm a remembered identity.
  private async confirm(context: ExecutionContext): Promise<AuthUser> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const user = await authenticateRequest(request, this.authenticator, this.sessions);
    if (!user) throw unauthenticated();
    request.user = user;
    this.assertMayCall(context, user);
    return user;
  }

  // 403 unless the user holds one of the roles the route names (if it names any).
  private assertMayCall(context: ExecutionContext, user: AuthUser): void {
    if (this.mayCall(context, user)) return;
    throw new DomainError(
      'forbidden',
      `This needs one of the roles: ${this.rolesOf(context)!.join(', ')}.`,
    );
  }

  private mayCall(context: ExecutionContext, user: AuthUser): boolean {
    const roles = this.rolesOf(context);
    return !roles || hasRole(user, ...roles);
  }

  private rolesOf(context: ExecutionContext): Role[] | undefined {
    return this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, [
      context.getHandler(),
      context.getClass(),
    ]);
  }
}
