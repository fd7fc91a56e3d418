import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { catchError, defer, Observable, switchMap, throwError } from 'rxjs';
import { AuthGuard } from './auth.guard.js';
import type { AuthenticatedRequest } from './decorators.js';
import { UnconfirmedIdentityError } from './remembered-identity.js';

// When a request served on a remembered identity meets UnconfirmedIdentityError (nothing
// was written), the guard looks the token up now and the request is answered as if it had
// just arrived: 401 for a revoked token or a deactivated user, 403 for a role taken away,
// otherwise the handler runs again, once, on the identity just found (its parameters are
// resolved again, so it sees the new user).
@Injectable()
export class RememberedIdentityInterceptor implements NestInterceptor {
  constructor(private readonly guard: AuthGuard) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    if (!request.user?.remembered) return next.handle();
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (!(error instanceof UnconfirmedIdentityError)) return throwError(() => error);
        return defer(() => this.guard.confirm(context)).pipe(switchMap(() => next.handle()));
      }),
    );
  }
}
