import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  AuditEvent,
  chainOf,
  GENESIS_HASH,
  HashedAuditEvent,
} from '../../../src/audit/audit-event.js';
import { hashAuditEvent } from '../../../src/audit/event-hash.js';

type Queryable = Pick<pg.Client, 'query'>;

// A claim row written directly, for specs that need claim chains without the workflow.
export async function insertClaim(
  db: Queryable,
  submittedBy: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const columns = { text: `Seeded claim ${randomUUID()}`, submitted_by: submittedBy, ...overrides };
  const names = Object.keys(columns);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO claims (${names.join(', ')})
     VALUES (${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
    Object.values(columns),
  );
  return rows[0].id;
}

// Appends valid, hash-chained events to a claim's chain as the service would.
export async function appendClaimEvents(
  db: Queryable,
  claimId: string,
  actor: { id: string; name: string; roles: string[] },
  bodies: string[],
): Promise<AuditEvent[]> {
  const appended: AuditEvent[] = [];
  for (const body of bodies) {
    await db.query('BEGIN');
    await db.query('SELECT id FROM claims WHERE id = $1 FOR UPDATE', [claimId]);
    const { rows } = await db.query<{ hash: string }>(
      'SELECT hash FROM audit_events WHERE chain = $1 ORDER BY seq DESC LIMIT 1',
      [claimId],
    );
    const event: HashedAuditEvent = {
      id: randomUUID(),
      claimId,
      type: 'comment.added',
      actor,
      at: new Date().toISOString(),
      fromStatus: null,
      toStatus: null,
      rationale: null,
      data: { body, quote: 'He said "2,000", then\nleft, 100% sure; ümlaut ✓' },
      prevHash: rows[0]?.hash ?? GENESIS_HASH,
    };
    const hash = hashAuditEvent(event);
    const inserted = await db.query<{ seq: string }>(
      `INSERT INTO audit_events (id, chain, claim_id, type, actor_id, actor, at, from_status,
         to_status, rationale, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, NULL, NULL, $8, $9, $10) RETURNING seq::text`,
      [
        event.id,
        chainOf(claimId),
        claimId,
        event.type,
        actor.id,
        JSON.stringify(actor),
        event.at,
        JSON.stringify(event.data),
        event.prevHash,
        hash,
      ],
    );
    await db.query('COMMIT');
    appended.push({ ...event, seq: inserted.rows[0].seq, hash });
  }
  return appended;
}

// A large, valid history written set-based: `claims` claim chains, `perClaim` events each,
// one INSERT … SELECT per step, with hashes computed by PostgreSQL over the exact RFC 8785
// text the service would hash (keys sorted, no whitespace).
export async function seedLargeHistory(db: Queryable, claims: number, perClaim: number) {
  const actorId = randomUUID();
  const actorJson = `{"id":"${actorId}","name":"Seeder","roles":["editor"]}`;
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (name, email, roles) VALUES ('Seeder', $1, '{editor}') RETURNING id`,
    [`seeder-${actorId}@newsroom.test`],
  );
  await db.query(
    `CREATE TEMP TABLE seed_heads AS
       SELECT id::text AS chain, id AS claim_id, repeat('0', 64) AS hash
         FROM (SELECT id FROM claims LIMIT 0) none`,
  );
  await db.query(
    `WITH inserted AS (
       INSERT INTO claims (text, submitted_by)
       SELECT 'Seeded claim number ' || g, $1 FROM generate_series(1, $2::int) g RETURNING id)
     INSERT INTO seed_heads SELECT id::text, id, repeat('0', 64) FROM inserted`,
    [rows[0].id, claims],
  );
  for (let step = 1; step <= perClaim; step++) {
    await db.query(
      `WITH prepared AS (
         SELECT h.chain, h.claim_id, h.hash AS prev_hash, gen_random_uuid() AS id,
                timestamptz '2026-01-01 00:00:00Z' + $1::int * interval '1 second' AS at,
                '{"body":"Seeded comment number ' || $1::int || ' on a claim under review","n":'
                  || $1::int || '}' AS data
           FROM seed_heads h),
       canonical AS (
         SELECT p.*, '{"actor":' || $2::text
           || ',"at":"' || to_char(p.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
           || '","claimId":"' || p.claim_id || '","data":' || p.data
           || ',"fromStatus":null,"id":"' || p.id || '","prevHash":"' || p.prev_hash
           || '","rationale":null,"toStatus":null,"type":"comment.added"}' AS text
           FROM prepared p),
       inserted AS (
         INSERT INTO audit_events (id, chain, claim_id, type, actor_id, actor, at, data,
                                   prev_hash, hash)
         SELECT id, chain, claim_id, 'comment.added', $3::uuid, $2::jsonb, at, data::jsonb,
                prev_hash, encode(sha256(convert_to(text, 'UTF8')), 'hex')
           FROM canonical ORDER BY chain
         RETURNING chain, hash)
       UPDATE seed_heads h SET hash = i.hash FROM inserted i WHERE h.chain = i.chain`,
      [step, actorJson, actorId],
    );
  }
  await db.query('DROP TABLE seed_heads');
  await db.query('ANALYZE audit_events');
}
