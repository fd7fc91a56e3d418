import { DomainError } from '../../common/problem/domain-error.js';

// Seconds a refused export is told to wait before trying again.
const USER_RETRY_AFTER_SECONDS = '10';
const BUSY_RETRY_AFTER_SECONDS = '30';

// The exports running in this process: at most one per user and `size` in all, one per
// connection of the export pool. A new export never waits for a slot; it is refused at
// once with Retry-After (a 429 for the user's own second export, a 503 when every slot is
// taken, as the service is then busy for everyone), so a queue of waiting exports cannot
// build up behind readers that stopped reading.
export class ExportSlots {
  private readonly running = new Set<string>();

  constructor(private readonly size: number) {}

  // Takes a slot for the user; the returned function gives it back (once).
  take(userId: string): () => void {
    if (this.running.has(userId)) {
      throw new DomainError(
        'rate-limited',
        'You already have an audit export running; wait for it to finish (one at a time).',
        { headers: { 'retry-after': USER_RETRY_AFTER_SECONDS } },
      );
    }
    if (this.running.size >= this.size) {
      throw new DomainError(
        'exports-busy',
        `All ${this.size} audit export slots are in use; try again shortly.`,
        { headers: { 'retry-after': BUSY_RETRY_AFTER_SECONDS } },
      );
    }
    this.running.add(userId);
    let given = false;
    return () => {
      if (given) return;
      given = true;
      this.running.delete(userId);
    };
  }
}
