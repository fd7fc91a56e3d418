import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { DomainError } from '../common/problem/domain-error.js';
import type { AuthenticatedRequest } from './decorators.js';

// Limits requests per bearer token (SPEC §10): one budget per token (or desk session)
// across all routes.
// The token was checked before the body was read, so only live tokens get a bucket;
// public routes count per client address. Counters live in each process: with N replicas
// a token can reach N times the limit, which is acceptable for a limit meant to stop
// runaway scripts.
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const { user, ip } = request as unknown as AuthenticatedRequest;
    if (user?.tokenId) return `token:${user.tokenId}`;
    return user?.sessionId ? `session:${user.sessionId}` : `ip:${ip}`;
  }

  // The default key includes the controller and handler, which gave every route its own
  // budget; the tracker alone makes it one.
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string) {
    return `${name}:${tracker}`;
  }

  protected override async throwThrottlingException(
    _context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire || detail.timeToExpire));
    throw new DomainError(
      'rate-limited',
      `Too many requests for this token; try again in ${retryAfter} s.`,
      { headers: { 'retry-after': String(retryAfter) } },
    );
  }
}
