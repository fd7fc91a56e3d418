import { GENESIS_HASH } from '../../src/audit/audit-event.js';
import { hashAuditEvent } from '../../src/audit/event-hash.js';

// Checks one claim's history as the API returns it: every hash recomputes, every link
// points at the previous event, seq increases. Returns a description of the first break.
export function chainProblem(events: any[]): string | null {
  let previous = GENESIS_HASH;
  let previousSeq = -1n;
  for (const event of events) {
    if (event.prevHash !== previous) return `event ${event.seq}: prevHash does not link`;
    if (hashAuditEvent(event) !== event.hash) return `event ${event.seq}: hash does not recompute`;
    const seq = BigInt(event.seq);
    if (seq <= previousSeq) return `event ${event.seq}: seq does not increase`;
    previous = event.hash;
    previousSeq = seq;
  }
  return null;
}
