import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { asDesk, sha256, signInWithToken } from './support/sessions.js';

const CLAIM = { text: 'The mayor said 12 schools closed.', appearanceUrl: 'https://x.test/a' };

// SPEC §16 sessions through the API: the cookie, what is stored, Origin, revoking,
// deactivation and expiry.
describe('sign-in sessions', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startApp();
    [reporter, admin] = await Promise.all([
      createUser(app.url, ['reporter']),
      createUser(app.url, ['admin']),
    ]);
  });
  afterAll(() => app?.stop());

  const me = (cookie: string) => client(app.url).get('/api/v1/me', { headers: { cookie } });

  it('sets an HttpOnly, SameSite=Strict, Path=/ cookie, not Secure over http', async () => {
    const { setCookie } = await signInWithToken(app.url, reporter.token);
    const attributes = setCookie.split(';').map((part) => part.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', 'Max-Age=604800']),
    );
    expect(attributes).not.toContain('Secure');
    expect(setCookie).not.toMatch(/Domain=/i);
  });

  it('keeps only the SHA-256 of a random 32-byte session id', async () => {
    const first = await signInWithToken(app.url, reporter.token);
    const second = await signInWithToken(app.url, reporter.token);
    expect(first.secret).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 bytes, base64url
    expect(Buffer.from(first.secret, 'base64url')).toHaveLength(32);
    expect(second.secret).not.toBe(first.secret);
    const rows = await withDatabase(
      async (db) =>
        (await db.query(`SELECT * FROM sessions WHERE id = $1`, [first.sessionId])).rows,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].secret_hash).toBe(sha256(first.secret));
    expect(JSON.stringify(rows[0])).not.toContain(first.secret);
    expect(rows[0]).toMatchObject({ user_id: reporter.id, method: 'token', revoked_at: null });
  });

  it('answers GET /me for a cookie session as for a token', async () => {
    const { cookie } = await signInWithToken(app.url, reporter.token);
    const byCookie = await me(cookie);
    const byToken = await client(app.url, reporter.token).get('/api/v1/me');
    expect(byCookie.status).toBe(200);
    expect(byCookie.body).toEqual(byToken.body);
  });

  it('refuses a cookie-authenticated unsafe request from a foreign or missing Origin (403)', async () => {
    const session = await signInWithToken(app.url, reporter.token);
    const post = (headers: Record<string, string>) =>
      client(app.url).post('/api/v1/claims', { body: CLAIM, headers });
    expect((await post({ cookie: session.cookie })).status).toBe(403);
    expect((await post({ cookie: session.cookie, origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await post({ cookie: session.cookie, origin: 'null' })).status).toBe(403);
    const refused = await post({ cookie: session.cookie, origin: 'http://127.0.0.1:1' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toMatch(/Origin/);
    // From the desk's own origin it goes through; reads need no Origin.
    expect((await post(asDesk(app.url, session))).status).toBe(201);
    expect((await me(session.cookie)).status).toBe(200);
    // Token requests are unaffected, with or without Origin.
    const byToken = await client(app.url, reporter.token).post('/api/v1/claims', { body: CLAIM });
    expect(byToken.status).toBe(201);
  });

  it('lets a person list and end their own sessions, and signs out', async () => {
    const here = await signInWithToken(app.url, reporter.token);
    const elsewhere = await signInWithToken(app.url, reporter.token);
    const listed = await client(app.url).get('/api/v1/sessions', {
      headers: { cookie: here.cookie },
    });
    const mine = listed.body.items as { id: string; current: boolean; method: string }[];
    expect(mine.find((item) => item.id === here.sessionId)).toMatchObject({ current: true });
    expect(mine.find((item) => item.id === elsewhere.sessionId)).toMatchObject({
      current: false,
      method: 'token',
    });
    expect(JSON.stringify(listed.body)).not.toContain(here.secret);

    const ended = await client(app.url).delete(`/api/v1/sessions/${elsewhere.sessionId}`, {
      headers: asDesk(app.url, here),
    });
    expect(ended.status).toBe(204);
    expect((await me(elsewhere.cookie)).status).toBe(401);
    expect((await me(here.cookie)).status).toBe(200);

    const out = await client(app.url).post('/api/v1/auth/sign-out', {
      headers: asDesk(app.url, here),
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/claimdesk_session=;.*Max-Age=0/);
    expect((await me(here.cookie)).status).toBe(401);

    const events = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT type, data, actor FROM audit_events
              WHERE data->>'sessionId' = ANY ($1) ORDER BY seq`,
            [[here.sessionId, elsewhere.sessionId]],
          )
        ).rows,
    );
    expect(events.map((event) => event.type)).toEqual([
      'session.signed_in',
      'session.signed_in',
      'session.revoked',
      'session.signed_out',
    ]);
    expect(events[3].actor).toMatchObject({ id: reporter.id, sessionId: here.sessionId });
    expect(JSON.stringify(events)).not.toContain(here.secret);
    expect(JSON.stringify(events)).not.toContain(reporter.token);
  });

  it("lets an admin see and end anyone's session; others may not (403)", async () => {
    const victim = await signInWithToken(app.url, reporter.token);
    const other = await createUser(app.url, ['editor']);
    const path = `/api/v1/sessions/${victim.sessionId}`;
    expect((await client(app.url, other.token).delete(path)).status).toBe(403);
    expect(
      (await client(app.url, other.token).get(`/api/v1/users/${reporter.id}/sessions`)).status,
    ).toBe(403);
    const listed = await client(app.url, admin.token).get(`/api/v1/users/${reporter.id}/sessions`);
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(victim.sessionId);
    expect((await client(app.url, admin.token).delete(path)).status).toBe(204);
    expect((await me(victim.cookie)).status).toBe(401);
    expect((await client(app.url, admin.token).delete(path)).status).toBe(204);
    expect(
      (
        await client(app.url, admin.token).delete(
          '/api/v1/sessions/00000000-0000-4000-8000-000000000000',
        )
      ).status,
    ).toBe(404);
  });

  it('ends a deactivated person’s sessions on their next request, for good', async () => {
    const person = await createUser(app.url, ['editor']);
    const session = await signInWithToken(app.url, person.token);
    expect((await me(session.cookie)).status).toBe(200);
    const off = await client(app.url, ADMIN_TOKEN).patch(`/api/v1/users/${person.id}`, {
      body: { active: false },
    });
    expect(off.status).toBe(200);
    expect((await me(session.cookie)).status).toBe(401);
    await client(app.url, ADMIN_TOKEN).patch(`/api/v1/users/${person.id}`, {
      body: { active: true },
    });
    expect((await me(session.cookie)).status).toBe(401);
  });

  it('ends a session 12 hours after its last request and 7 days after it began', async () => {
    const idle = await signInWithToken(app.url, reporter.token);
    const old = await signInWithToken(app.url, reporter.token);
    const fresh = await signInWithToken(app.url, reporter.token);
    await withDatabase(async (db) => {
      await db.query(
        `UPDATE sessions SET last_seen_at = now() - interval '12 hours 1 minute' WHERE id = $1`,
        [idle.sessionId],
      );
      // Busy to the last minute, but past its absolute end.
      await db.query(
        `UPDATE sessions SET created_at = now() - interval '7 days 1 minute',
                             expires_at = now() - interval '1 minute', last_seen_at = now()
          WHERE id = $1`,
        [old.sessionId],
      );
      await db.query(
        `UPDATE sessions SET last_seen_at = now() - interval '11 hours 55 minutes' WHERE id = $1`,
        [fresh.sessionId],
      );
    });
    expect((await me(idle.cookie)).status).toBe(401);
    expect((await me(old.cookie)).status).toBe(401);
    // Used within 12 hours: still live, and the use moves its idle end forward.
    expect((await me(fresh.cookie)).status).toBe(200);
    const [row] = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT last_seen_at > now() - interval '1 minute' AS touched FROM sessions WHERE id = $1`,
            [fresh.sessionId],
          )
        ).rows,
    );
    expect(row.touched).toBe(true);
    const listed = await client(app.url, reporter.token).get('/api/v1/sessions');
    const ids = listed.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(fresh.sessionId);
    expect(ids).not.toContain(idle.sessionId);
    expect(ids).not.toContain(old.sessionId);
  });

  it('ignores a malformed or unknown cookie (401) and prefers a bearer token to a cookie', async () => {
    expect((await me('claimdesk_session=nope')).status).toBe(401);
    expect((await me(`claimdesk_session=${'A'.repeat(43)}`)).status).toBe(401);
    const stale = 'claimdesk_session=' + 'B'.repeat(43);
    const both = await client(app.url, reporter.token).get('/api/v1/me', {
      headers: { cookie: stale },
    });
    expect(both.status).toBe(200);
    // Signing out with a token ends nothing and needs no Origin.
    expect((await client(app.url, reporter.token).post('/api/v1/auth/sign-out')).status).toBe(204);
    expect((await client(app.url, reporter.token).get('/api/v1/me')).status).toBe(200);
  });
});

describe('sign-in sessions behind https', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp({ env: { PUBLIC_BASE_URL: 'https://desk.newsroom.example' } });
  });
  afterAll(() => app?.stop());

  it('marks the cookie Secure when PUBLIC_BASE_URL is https', async () => {
    const { setCookie } = await signInWithToken(app.url, ADMIN_TOKEN);
    const attributes = setCookie.split(';').map((part) => part.trim());
    expect(attributes).toEqual(
      expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Strict', 'Path=/']),
    );
  });

  it("accepts PUBLIC_BASE_URL's origin on unsafe cookie requests", async () => {
    const session = await signInWithToken(app.url, ADMIN_TOKEN);
    const out = await client(app.url).post('/api/v1/auth/sign-out', {
      headers: asDesk(app.url, session, 'https://desk.newsroom.example'),
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/Secure/);
  });
});
