// Failed authentications per client address in fixed one-minute windows (SPEC §10). An
// address over the limit is refused before any token lookup, so guessing tokens costs the
// guesser a 429 and the database nothing. Counters live in each process, like the
// per-token rate limit.
const WINDOW_MS = 60_000;
// Bounds the memory a flood from many addresses can take; expired windows go first.
const MAX_TRACKED_ADDRESSES = 100_000;

interface Window {
  failures: number;
  endsAt: number;
}

export class AuthFailureLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly perMinute: number) {}

  // Seconds the address must wait, or 0 when it may try to authenticate.
  retryAfterSeconds(address: string, now = Date.now()): number {
    if (this.perMinute === 0) return 0;
    const window = this.windows.get(address);
    if (!window || window.endsAt <= now || window.failures < this.perMinute) return 0;
    return Math.max(1, Math.ceil((window.endsAt - now) / 1000));
  }

  record(address: string, now = Date.now()): void {
    if (this.perMinute === 0) return;
    const window = this.windows.get(address);
    if (window && window.endsAt > now) {
      window.failures++;
      return;
    }
    this.windows.delete(address);
    if (this.windows.size >= MAX_TRACKED_ADDRESSES) this.forgetOldest(now);
    this.windows.set(address, { failures: 1, endsAt: now + WINDOW_MS });
  }

  // Map order is insertion order, so the first entries are the oldest windows.
  private forgetOldest(now: number): void {
    for (const [address, window] of this.windows) {
      if (window.endsAt > now && this.windows.size < MAX_TRACKED_ADDRESSES) break;
      this.windows.delete(address);
    }
  }
}
