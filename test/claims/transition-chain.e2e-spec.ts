import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { hashAuditEvent } from '../../src/audit/event-hash.js';
import { AppProcess, startApp, testDatabaseUrl } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { attachSource, move, submitClaim, transition } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';

// A transition links its events to the chain head it read with the claim and writes them
// with one statement, which UNIQUE (chain, prev_hash) refuses if the chain moved on. These
// pin down that the chain it writes is the chain it should write, also when another
// transaction held the claim's lock first.
describe('the audit events of a transition', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const historyOf = async (claimId: string) =>
    (await client(app.url, editor.token).get(`/api/v1/claims/${claimId}/history`)).body
      .items as any[];

  // Holds the claim's row lock in a transaction of its own until `release` is called.
  async function holdClaimLock(claimId: string) {
    const db = new pg.Client({ connectionString: testDatabaseUrl() });
    await db.connect();
    await db.query('BEGIN');
    await db.query('SELECT 1 FROM claims WHERE id = $1 FOR UPDATE', [claimId]);
    return {
      db,
      release: async () => {
        await db.query('COMMIT');
        await db.end();
      },
    };
  }

  // Resolves once a transition of that claim is queued behind the lock.
  async function transitionWaitingForLock() {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const waiting = await withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'
              AND query LIKE '%transitioned AS (%'`,
        );
        return rows[0].n as number;
      });
      if (waiting > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('the transition never waited for the claim lock');
  }

  it('writes claim.transitioned then claim.assigned on start review, linked in seq order', async () => {
    const claim = await submitClaim(app.url, reporter);
    await move(app.url, editor, claim, 'in_review');

    const events = await historyOf(claim.id);
    expect(events.map((event) => event.type)).toEqual([
      'claim.submitted',
      'claim.transitioned',
      'claim.assigned',
    ]);
    const [, transitioned, assigned] = events;
    expect(assigned.prevHash).toBe(transitioned.hash);
    expect(BigInt(assigned.seq)).toBeGreaterThan(BigInt(transitioned.seq));
    expect(chainProblem(events)).toBeNull();
  });

  it('links a transition to an event appended while it waited for the claim lock', async () => {
    const claim = await submitClaim(app.url, reporter);
    const lock = await holdClaimLock(claim.id);
    const pending = transition(app.url, editor, claim, 'in_review', 'Starting review.');
    await transitionWaitingForLock();

    // As a comment does: an event on the claim's chain, the claim's version unchanged.
    const { rows } = await lock.db.query(
      'SELECT hash FROM audit_events WHERE chain = $1 ORDER BY seq DESC LIMIT 1',
      [claim.id],
    );
    const event = {
      id: randomUUID(),
      claimId: claim.id,
      type: 'comment.added' as const,
      actor: { id: editor.id, name: editor.name, roles: [...editor.roles] },
      at: new Date().toISOString(),
      fromStatus: null,
      toStatus: null,
      rationale: null,
      data: { comment: { id: randomUUID(), body: 'Written while the decision waited.' } },
      prevHash: rows[0].hash as string,
    };
    await lock.db.query(
      `INSERT INTO audit_events (id, chain, claim_id, type, actor_id, actor, at, data,
                                 prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        event.id,
        claim.id,
        claim.id,
        event.type,
        editor.id,
        JSON.stringify(event.actor),
        event.at,
        JSON.stringify(event.data),
        event.prevHash,
        hashAuditEvent(event),
      ],
    );
    await lock.release();

    const response = await pending;
    expect(response.status).toBe(200);
    const events = await historyOf(claim.id);
    expect(events.map((item) => item.type)).toEqual([
      'claim.submitted',
      'comment.added',
      'claim.transitioned',
      'claim.assigned',
    ]);
    expect(chainProblem(events)).toBeNull();
  });

  it('refuses to verify on evidence removed while the decision waited for the claim lock', async () => {
    let claim = await move(app.url, editor, await submitClaim(app.url, reporter), 'in_review');
    claim = await attachSource(app.url, editor, claim, 'supports');
    const lock = await holdClaimLock(claim.id);
    const pending = transition(app.url, editor, claim, 'verified', 'Well sourced.');
    await transitionWaitingForLock();
    // Removed without a version bump, so If-Match cannot be what refuses the decision.
    await lock.db.query('DELETE FROM claim_sources WHERE claim_id = $1', [claim.id]);
    await lock.release();

    const response = await pending;
    expect(response.status).toBe(422);
    expect(response.body.rule).toBe('VERIFY_MIN_SUPPORTING_SOURCES');
    expect(response.body.attached).toBe(0);
    const stored = await withDatabase(async (db) => {
      const { rows } = await db.query('SELECT status, version FROM claims WHERE id = $1', [
        claim.id,
      ]);
      return rows[0];
    });
    expect(stored).toEqual({ status: 'in_review', version: claim.version });
    expect((await historyOf(claim.id)).map((item) => item.toStatus)).not.toContain('verified');
  });

  // The guarantee under every write that reads a chain head without holding it: whatever
  // raced past the service's own checks, a chain cannot fork.
  it('refuses, by the unique (chain, prev_hash), a second event on the same head', async () => {
    const claim = await submitClaim(app.url, reporter);
    await move(app.url, editor, claim, 'in_review');
    const fork = withDatabase((db) =>
      db.query(
        `INSERT INTO audit_events (id, chain, claim_id, type, actor_id, actor, at, from_status,
                                   to_status, rationale, data, prev_hash, hash)
         SELECT $2, chain, claim_id, type, actor_id, actor, at, from_status, to_status,
                rationale, data, prev_hash, repeat('0', 64)
           FROM audit_events WHERE chain = $1 ORDER BY seq DESC LIMIT 1`,
        [claim.id, randomUUID()],
      ),
    );
    await expect(fork).rejects.toMatchObject({
      code: '23505',
      constraint: 'audit_events_chain_link_key',
    });
    expect(chainProblem(await historyOf(claim.id))).toBeNull();
  });
});
