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

// For a bulk load: drops the secondary indexes and unique constraints of `tables` and
// returns a function that rebuilds exactly the same definitions (faster than maintaining
// them row by row). Primary keys and foreign keys stay.
export async function dropSecondaryIndexes(client: pg.Client, tables: string[]) {
  const constraints = (
    await client.query<{ table: string; name: string; definition: string }>(
      `SELECT conrelid::regclass::text AS table, conname AS name,
              pg_get_constraintdef(oid) AS definition
         FROM pg_constraint WHERE conrelid::regclass::text = ANY($1) AND contype = 'u'`,
      [tables],
    )
  ).rows;
  const indexes = (
    await client.query<{ name: string; definition: string }>(
      `SELECT indexname AS name, indexdef AS definition FROM pg_indexes
        WHERE schemaname = 'public' AND tablename = ANY($1)
          AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))`,
      [tables],
    )
  ).rows;
  for (const { table, name } of constraints) {
    await client.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
  }
  for (const { name } of indexes) await client.query(`DROP INDEX ${name}`);
  return async () => {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    for (const { definition } of indexes) await client.query(definition);
    for (const { table, name, definition } of constraints) {
      await client.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} ${definition}`);
    }
  };
}
