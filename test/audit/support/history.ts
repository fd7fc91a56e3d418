import { randomUUID } from 'node:crypto';
import pg from 'pg';
import {
  AuditEvent,
  chainOf,
  GENESIS_HASH,
  HashedAuditEvent,
} from '../../../src/audit/audit-event.js';
import { hashAuditEvent } from '../../../src/audit/event-hash.js';
import {
  copyEvents,
  dropSecondaryIndexes,
  hashed,
  type SeededEvent,
} from '../../../bench/lib/bulk-load.js';

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

// A large, valid history: `claims` claim chains of `perClaim` comments each, written with
// one COPY in the order a busy desk would append them (every chain's first comment, then
// every chain's second, …), hashed exactly as the service hashes them.
export async function seedLargeHistory(db: pg.Client, claims: number, perClaim: number) {
  const actor = { id: randomUUID(), name: 'Seeder', roles: ['editor'] };
  await db.query(`INSERT INTO users (id, name, email, roles) VALUES ($1, $2, $3, '{editor}')`, [
    actor.id,
    actor.name,
    `seeder-${actor.id}@newsroom.test`,
  ]);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO claims (text, submitted_by)
     SELECT 'Seeded claim number ' || g, $1 FROM generate_series(1, $2::int) g RETURNING id`,
    [actor.id, claims],
  );
  const heads = new Map(rows.map(({ id }) => [id, GENESIS_HASH]));
  function* comments(): Generator<SeededEvent> {
    for (let step = 1; step <= perClaim; step++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, step)).toISOString();
      for (const [claimId, prevHash] of heads) {
        const event = hashed({
          id: randomUUID(),
          claimId,
          type: 'comment.added',
          actor,
          at,
          fromStatus: null,
          toStatus: null,
          rationale: null,
          data: { body: `Seeded comment number ${step} on a claim under review`, n: step },
          prevHash,
        });
        heads.set(claimId, event.hash);
        yield event;
      }
    }
  }
  // Faster to build the indexes once than to maintain them row by row.
  const restore = await dropSecondaryIndexes(db, ['audit_events']);
  await copyEvents(db, comments());
  await restore();
  await db.query('ANALYZE audit_events');
}
