import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { map, Observable } from 'rxjs';
import { etagOf } from './etag.js';

// Sends `ETag: "<version>"` with every response body that carries a numeric `version`,
// except a resource rebuilt `asOf` a past moment: that is not the current representation.
@Injectable()
export class EtagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((body: unknown) => {
        const { version, asOf } = (body ?? {}) as { version?: unknown; asOf?: unknown };
        if (typeof version === 'number' && asOf === undefined) {
          void reply.header('etag', etagOf(version));
        }
        return body;
      }),
    );
  }
}
