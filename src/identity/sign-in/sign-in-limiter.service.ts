import { Injectable } from '@nestjs/common';
import { AuthFailureLimiter } from '../../auth/auth-failures.js';
import { DomainError } from '../../common/problem/domain-error.js';
import { AppConfig } from '../../config/app-config.js';

// Sign-in attempts per client address and per person, in one-minute windows: guessing at
// someone's sign-in, or hammering it from one address, earns a 429. Every attempt counts,
// not only failures, so a flood of valid-looking attempts is slowed too. Counters live in
// each process, like the other rate limits.
@Injectable()
export class SignInLimiterService {
  private readonly perAddress: AuthFailureLimiter;
  private readonly perUser: AuthFailureLimiter;

  constructor(config: AppConfig) {
    this.perAddress = new AuthFailureLimiter(config.signInAttemptsPerAddress);
    this.perUser = new AuthFailureLimiter(config.signInAttemptsPerUser);
  }

  // Counts an attempt from `address`; throws 429 when the address is over its budget.
  attemptFromAddress(address: string): void {
    refuseIfLimited(this.perAddress.retryAfterSeconds(address), 'address');
    this.perAddress.record(address);
  }

  // Counts an attempt to sign in as `userId`; throws 429 when that person is over budget.
  attemptAsUser(userId: string): void {
    refuseIfLimited(this.perUser.retryAfterSeconds(userId), 'account');
    this.perUser.record(userId);
  }
}

function refuseIfLimited(retryAfter: number, what: string): void {
  if (retryAfter === 0) return;
  throw new DomainError(
    'rate-limited',
    `Too many sign-in attempts for this ${what}; try again in ${retryAfter} s.`,
    { headers: { 'retry-after': String(retryAfter) } },
  );
}
