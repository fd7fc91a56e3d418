import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { chainProblem } from '../support/chains.js';
import { attachSource, move, submitClaim, transition, uniqueTag } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';

// Two app processes on one database, as in production (SPEC §10): every guarantee here
// must hold across them, so requests alternate between the two.
describe('concurrency and idempotency across two app processes', () => {
  let apps: AppProcess[];
  let reporter: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    apps = await Promise.all([startApp(), startApp()]);
    ({ reporter, editor } = await createNewsroom(apps[0].url));
  });
  afterAll(() => Promise.all(apps.map((app) => app.stop())));

  const appFor = (index: number) => apps[index % apps.length].url;

  describe('50 editors deciding the same claim at the same version', () => {
    it('lets exactly one succeed; the other 49 get 412, and one event is written', async () => {
      const editors = await Promise.all(
        Array.from({ length: 50 }, () => createUser(apps[0].url, ['editor'])),
      );
      let claim = await move(
        apps[0].url,
        editor,
        await submitClaim(apps[0].url, reporter),
        'in_review',
      );
      claim = await attachSource(apps[0].url, editor, claim, 'supports');

      const responses = await Promise.all(
        editors.map((decider, index) =>
          transition(appFor(index), decider, claim, 'verified', `Decision by ${decider.name}.`),
        ),
      );
      const statuses = responses.map((response) => response.status);
      expect(statuses.filter((status) => status === 200)).toHaveLength(1);
      expect(statuses.filter((status) => status === 412)).toHaveLength(49);

      const winner = responses.find((response) => response.status === 200)!;
      expect(winner.body.version).toBe(claim.version + 1);
      const decisions = await withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT actor_id FROM audit_events WHERE chain = $1 AND type = 'claim.transitioned'
             AND to_status = 'verified'`,
          [claim.id],
        );
        return rows;
      });
      expect(decisions).toEqual([{ actor_id: winner.body.decidedBy }]);

      // The chain is intact: every hash recomputes and links, whichever process wrote it.
      const history = await client(appFor(1), editor.token).get(
        `/api/v1/claims/${claim.id}/history`,
      );
      expect(chainProblem(history.body.items)).toBeNull();
    });
  });

  describe('Idempotency-Key on POST /claims', () => {
    const submitWithKey = (url: string, key: string, body: Record<string, unknown>) =>
      client(url, reporter.token).post('/api/v1/claims', {
        body,
        headers: { 'idempotency-key': key },
      });
    const countClaims = (text: string) =>
      withDatabase(async (db) => {
        const { rows } = await db.query('SELECT count(*)::int AS n FROM claims WHERE text = $1', [
          text,
        ]);
        return rows[0].n as number;
      });

    it('creates exactly one claim from 20 concurrent identical requests', async () => {
      const key = randomUUID();
      const body = { text: `Twenty retries ${key}`, claimant: 'Interfax' };
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, index) => submitWithKey(appFor(index), key, body)),
      );
      const created = responses.filter(
        (response) => response.status === 201 && !response.headers.get('idempotent-replayed'),
      );
      expect(created).toHaveLength(1);
      for (const response of responses) {
        // Each retry either waited its turn and replayed, or met the first one in flight.
        expect([201, 409]).toContain(response.status);
        if (response.status === 201) expect(response.body.id).toBe(created[0].body.id);
        if (response.status === 409) {
          expect(response.body.type).toBe('https://claimdesk.dev/problems/idempotency-in-flight');
        }
      }
      expect(await countClaims(body.text)).toBe(1);
    });

    it('replays the original status, body and headers with Idempotent-Replayed: true', async () => {
      const key = randomUUID();
      const body = { text: `Replayed ${key}`, tags: ['vote'] };
      const first = await submitWithKey(apps[0].url, key, body);
      const again = await submitWithKey(apps[1].url, key, { tags: ['vote'], text: body.text });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.body).toEqual(first.body);
      expect(again.headers.get('location')).toBe(first.headers.get('location'));
      expect(again.headers.get('etag')).toBe('"1"');
      expect(await countClaims(body.text)).toBe(1);
    });

    it('answers 422 when the key is reused with a different body', async () => {
      const key = randomUUID();
      await submitWithKey(apps[0].url, key, { text: `Original ${key}` });
      const response = await submitWithKey(apps[0].url, key, { text: `Different ${key}` });
      expect(response.status).toBe(422);
      expect(response.body.type).toBe('https://claimdesk.dev/problems/idempotency-key-reused');
      expect(await countClaims(`Different ${key}`)).toBe(0);
    });

    it('answers 409 while the first request with the key is still in flight', async () => {
      const key = randomUUID();
      const body = { text: `In flight ${key}` };
      // Hold the key's in-flight lock from outside, as a first request still running would.
      await withDatabase(async (db) => {
        await db.query('BEGIN');
        await db.query('SELECT pg_advisory_xact_lock(hashtext($1), hashtext($2))', [
          reporter.id,
          key,
        ]);
        const response = await submitWithKey(apps[1].url, key, body);
        expect(response.status).toBe(409);
        expect(response.headers.get('retry-after')).toBe('1');
        await db.query('ROLLBACK');
      });
      expect((await submitWithKey(apps[1].url, key, body)).status).toBe(201);
    });

    it('keeps keys per user: the same key from two people makes two claims', async () => {
      const key = randomUUID();
      const other = await createUser(apps[0].url, ['reporter']);
      const body = { text: `Per user ${key}` };
      const mine = await submitWithKey(apps[0].url, key, body);
      const theirs = await client(apps[0].url, other.token).post('/api/v1/claims', {
        body,
        headers: { 'idempotency-key': key },
      });
      expect([mine.status, theirs.status]).toEqual([201, 201]);
      expect(theirs.headers.get('idempotent-replayed')).toBeNull();
      expect(await countClaims(body.text)).toBe(2);
    });

    it('does not keep a key whose request failed, so a corrected retry can use it', async () => {
      const key = randomUUID();
      const failed = await submitWithKey(apps[0].url, key, {
        text: `Bad article ${key}`,
        articleId: randomUUID(),
      });
      expect(failed.status).toBe(422);
      const retried = await submitWithKey(apps[0].url, key, { text: `Bad article ${key}` });
      expect(retried.status).toBe(201);
      expect(retried.headers.get('idempotent-replayed')).toBeNull();
    });

    it('refuses a key longer than 255 characters', async () => {
      const response = await submitWithKey(apps[0].url, 'k'.repeat(256), { text: 'Long key.' });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('Idempotency-Key');
    });
  });

  describe('keyset pagination under concurrent inserts', () => {
    it.each(['-createdAt', 'createdAt', '-priority'])(
      'pages through sort=%s with no duplicates or gaps while claims are inserted',
      async (sort) => {
        const tag = uniqueTag('page');
        const priorities = ['low', 'normal', 'high', 'urgent'] as const;
        const original: string[] = [];
        for (let index = 0; index < 11; index++) {
          const claim = await submitClaim(apps[index % 2].url, reporter, {
            tags: [tag],
            priority: priorities[index % 4],
          });
          original.push(claim.id);
        }
        const seen: string[] = [];
        let cursor: string | null = null;
        let pages = 0;
        do {
          const query: string = `?tag=${tag}&sort=${sort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
          const page = await client(appFor(pages), editor.token).get(`/api/v1/claims${query}`);
          expect(page.status).toBe(200);
          seen.push(...page.body.items.map((item: { id: string }) => item.id));
          cursor = page.body.nextCursor;
          pages++;
          // Rows arriving between pages, at either end of every order.
          await Promise.all([
            submitClaim(apps[0].url, reporter, { tags: [tag], priority: 'urgent' }),
            submitClaim(apps[1].url, reporter, { tags: [tag], priority: 'low' }),
          ]);
        } while (cursor && pages < 50);

        expect(new Set(seen).size).toBe(seen.length);
        expect(seen).toEqual(expect.arrayContaining(original));
      },
    );

    it('refuses a cursor it did not give out, or one from another sort', async () => {
      const bad = await client(apps[0].url, editor.token).get('/api/v1/claims?cursor=bm9wZQ');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0].field).toBe('cursor');
      const tag = uniqueTag();
      await submitClaim(apps[0].url, reporter, { tags: [tag] });
      await submitClaim(apps[0].url, reporter, { tags: [tag] });
      const first = await client(apps[0].url, editor.token).get(
        `/api/v1/claims?tag=${tag}&limit=1`,
      );
      const crossed = await client(apps[0].url, editor.token).get(
        `/api/v1/claims?tag=${tag}&limit=1&sort=-priority&cursor=${first.body.nextCursor}`,
      );
      expect(crossed.status).toBe(400);
    });
  });

  describe('concurrent evidence changes and decisions', () => {
    it('never records a decision whose evidence was detached concurrently', async () => {
      const outcomes: string[] = [];
      for (let round = 0; round < 10; round++) {
        let claim = await move(
          apps[0].url,
          editor,
          await submitClaim(apps[0].url, reporter),
          'in_review',
        );
        claim = await attachSource(apps[0].url, editor, claim, 'supports');
        const sourceId = claim.sources[0].id;
        const decider = await createUser(apps[0].url, ['editor']);
        const [decision] = await Promise.all([
          // No If-Match on the detach: it must still be serialised against the decision.
          transition(apps[round % 2].url, decider, claim, 'verified', 'Supported.'),
          client(apps[(round + 1) % 2].url, reporter.token).delete(
            `/api/v1/claims/${claim.id}/sources/${sourceId}`,
          ),
        ]);
        const final = await client(apps[0].url, editor.token).get(`/api/v1/claims/${claim.id}`);
        if (final.body.status === 'verified') expect(final.body.sources).toHaveLength(1);
        outcomes.push(`${decision.status}:${final.body.sources.length}`);
      }
      for (const outcome of outcomes) expect(['200:1', '412:0', '409:1']).toContain(outcome);
    });
  });
});
