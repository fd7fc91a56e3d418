import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { eventParameters, insertEventsSql } from '../../src/audit/audit-event-sql.js';
import { GENESIS_HASH, HashedAuditEvent } from '../../src/audit/audit-event.js';
import { hashAuditEvent } from '../../src/audit/event-hash.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { move, submitClaim } from '../support/claims.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';
import { Receiver, sleep, startReceiver } from './support/receiver.js';
import { subscribe, webhookDatabase } from './support/webhooks.js';

// SPEC §13 "nothing is lost": a crash, a second replica, and a transaction that commits
// after later ones must neither lose an event nor send an attempt twice at once.
describe('webhook delivery, at least once', () => {
  let app: AppProcess;
  let reporter: TestUser;
  const receivers: Receiver[] = [];
  const others: AppProcess[] = [];
  let database: Awaited<ReturnType<typeof webhookDatabase>>;

  beforeAll(async () => {
    database = await webhookDatabase();
    app = await startApp({ env: database.env });
    reporter = await createUser(app.url, ['reporter']);
  });
  afterAll(async () => {
    await Promise.all(receivers.map((receiver) => receiver.close()));
    await Promise.all(others.map((other) => other.stop()));
    await app?.stop();
    await database?.drop();
  });

  const submitMany = async (count: number, baseUrl = app.url) => {
    const ids: string[] = [];
    for (let start = 0; start < count; start += 10) {
      const batch = await Promise.all(
        Array.from({ length: Math.min(10, count - start) }, () => submitClaim(baseUrl, reporter)),
      );
      ids.push(...batch.map((claim) => claim.id as string));
    }
    return ids;
  };

  const distinctIds = (receiver: Receiver) =>
    new Set(receiver.received.map((received) => String(received.headers['webhook-id'])));

  it('delivers every event after a kill -9 with 200 deliveries pending or in flight', async () => {
    const receiver = await startReceiver(async (_received, response) => {
      await sleep(30);
      response.writeHead(200).end();
    });
    receivers.push(receiver);
    await subscribe(app.url, { url: receiver.url, events: ['claim.submitted'] });
    const claimIds = await submitMany(200);
    await receiver.waitFor((received) => received.length >= 5);
    await app.kill();
    const before = distinctIds(receiver).size;
    expect(before).toBeLessThan(200);

    app = await startApp({ env: database.env });
    await receiver.waitFor(() => distinctIds(receiver).size >= 200, 60_000);
    const claimsSeen = new Set(
      receiver.received.map((received) => JSON.parse(received.body).data.event.claimId as string),
    );
    expect(claimIds.every((id) => claimsSeen.has(id))).toBe(true);
    expect(distinctIds(receiver).size).toBe(200);
  }, 120_000);

  it('sends each message once when two processes deliver', async () => {
    const second = await startApp({ env: database.env });
    others.push(second);
    const receiver = await startReceiver(async (_received, response) => {
      await sleep(5);
      response.writeHead(200).end();
    });
    receivers.push(receiver);
    await subscribe(app.url, { url: receiver.url, events: ['claim.submitted'] });
    await Promise.all([submitMany(50, app.url), submitMany(50, second.url)]);
    await receiver.waitFor(() => distinctIds(receiver).size >= 100, 30_000);
    await sleep(1500);
    expect(receiver.received).toHaveLength(100);
    expect(distinctIds(receiver).size).toBe(100);
    // The tests below stop and restart `app` with deliveries under way: a second process
    // left running would take some of them, and a stop of `app` would not release those.
    await second.stop();
    others.splice(others.indexOf(second), 1);
  }, 90_000);

  it('releases a request still under way on SIGTERM, and sends it again after restart', async () => {
    let answering = false;
    const receiver = await startReceiver((_received, response) => {
      if (answering) response.writeHead(200).end();
    });
    receivers.push(receiver);
    await subscribe(app.url, { url: receiver.url, events: ['claim.submitted'] });
    await submitClaim(app.url, reporter);
    await receiver.waitFor((received) => received.length >= 1);
    const messageId = String(receiver.received[0].headers['webhook-id']);

    const stopping = Date.now();
    await app.stop();
    // Requests under way get 5 s, then are released; the process does not linger.
    expect(Date.now() - stopping).toBeLessThan(9000);

    answering = true;
    app = await startApp({ env: database.env });
    const restarted = Date.now();
    // Released, not left to its lease (15 s): it goes out again as soon as the service is up.
    await receiver.waitFor(() => receiver.withId(messageId).length >= 2, 8000);
    expect(Date.now() - restarted).toBeLessThan(8000);
  }, 60_000);

  it('delivers an event whose transaction commits after later events were delivered', async () => {
    const { editor } = await createNewsroom(app.url);
    const receiver = await startReceiver();
    receivers.push(receiver);
    await subscribe(app.url, { url: receiver.url, events: ['user.updated', 'claim.transitioned'] });
    const claim = await submitClaim(app.url, reporter);

    // A writer's transaction takes its seq now and commits later, as a slow request would.
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    try {
      await owner.query('BEGIN');
      await owner.query('SELECT pg_advisory_xact_lock(4172002)');
      const head = await owner.query<{ hash: string }>(
        `SELECT hash FROM audit_events WHERE chain = 'system' ORDER BY seq DESC LIMIT 1`,
      );
      const event: HashedAuditEvent = {
        id: randomUUID(),
        claimId: null,
        type: 'user.updated',
        actor: { id: editor.id, name: editor.name, roles: editor.roles },
        at: new Date().toISOString(),
        fromStatus: null,
        toStatus: null,
        rationale: null,
        data: { userId: editor.id, before: {}, after: {} },
        prevHash: head.rows[0]?.hash ?? GENESIS_HASH,
      };
      const hashed = { ...event, hash: hashAuditEvent(event) };
      const inserted = await owner.query<{ seq: string }>(insertEventsSql(1, false), [
        ...eventParameters('system', hashed),
      ]);

      const decided = await move(
        app.url,
        editor,
        await move(app.url, editor, claim, 'in_review'),
        'unverifiable',
        'No data.',
      );
      expect(decided.status).toBe('unverifiable');
      await sleep(1000);

      await owner.query('COMMIT');
      // Both arrive: the decision, committed first with higher seqs, and the event that
      // took its seq earlier but committed last. A cursor over seq alone would skip it.
      await receiver.waitFor(() => receiver.withId(event.id).length === 1, 10_000);
      await receiver.waitFor((received) =>
        received.some((sent) => JSON.parse(sent.body).data.event.toStatus === 'unverifiable'),
      );
      const lateSeq = BigInt(inserted.rows[0].seq);
      const seqs = receiver.received.map((sent) => BigInt(JSON.parse(sent.body).data.event.seq));
      expect(seqs.some((seq) => seq > lateSeq)).toBe(true);
    } finally {
      await owner.query('ROLLBACK').catch(() => undefined);
      await owner.end();
    }
  });
});
