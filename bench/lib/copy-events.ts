import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type AuditEvent, chainOf, type HashedAuditEvent } from '../../src/audit/audit-event.js';
import { eventParameters } from '../../src/audit/audit-event-sql.js';
import { hashAuditEvent } from '../../src/audit/event-hash.js';

export type SeededEvent = Omit<AuditEvent, 'seq'>;

// The event with its hash, exactly as the service computes it.
export const hashed = (event: HashedAuditEvent): SeededEvent => ({
  ...event,
  hash: hashAuditEvent(event),
});

// Every value of an event row is text or null (eventParameters() writes JSON as text).
const csvField = (value: unknown) =>
  value === null ? '' : `"${String(value).replace(/"/g, '""')}"`;

// Writes events with one COPY: the bulk path for seeding a large history, where the
// service appends with one statement per change. The caller links each event to the one
// before it on its chain; the unique (chain, prev_hash) and the verifier tell if it did not.
export async function copyEvents(
  client: pg.Client,
  events: Iterable<SeededEvent> | AsyncIterable<SeededEvent>,
): Promise<void> {
  async function* lines() {
    let buffer = '';
    for await (const event of events) {
      buffer += eventParameters(chainOf(event.claimId), event).map(csvField).join(',') + '\n';
      if (buffer.length > 256 * 1024) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  await pipeline(
    Readable.from(lines()),
    client.query(
      copyFrom(
        `COPY audit_events (id, chain, claim_id, type, actor_id, actor, at, from_status,
           to_status, rationale, data, prev_hash, hash) FROM STDIN WITH (FORMAT csv)`,
      ),
    ),
  );
}
