import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { ThrottlerLimitDetail } from '@nestjs/throttler';
import { ExecutionContext } from '@nestjs/common';
import { DomainError } from '../common/problem/domain-error.js';
import { hashTokenSecret } from './token-secret.js';

// Limits requests per bearer token (SPEC §10); requests without a token share a budget
// per client address. Counters live in each process: with N replicas a token can reach
// N times the limit, which is acceptable for a limit meant to stop runaway scripts.
@Injectable()
export class TokenThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const headers = request.headers as { authorization?: string } | undefined;
    const header = headers?.authorization ?? '';
    const secret = /^Bearer\s+(\S+)/i.exec(header)?.[1];
    return secret ? `token:${hashTokenSecret(secret)}` : `ip:${String(request.ip)}`;
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
