import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { storedPasskey } from './support/passkeys.js';
import { asDesk, sha256, signInWithToken } from './support/sessions.js';

const tokenOf = (url: string) => url.split('/').pop()!;

const assertion = (credentialId: string) => ({
  id: credentialId,
  rawId: credentialId,
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
});

describe('invitations and passkey registration', () => {
  let app: AppProcess;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startApp();
    admin = await createUser(app.url, ['admin']);
  });
  afterAll(() => app?.stop());

  const invite = (userId: string, token = admin.token) =>
    client(app.url, token).post(`/api/v1/users/${userId}/invitations`);
  const options = (invitationToken: string) =>
    client(app.url).post('/api/v1/auth/passkeys/registration/options', {
      body: { invitationToken },
    });

  it('issues a one-time 72-hour link, shown once and stored hashed', async () => {
    const person = await createUser(app.url, ['reporter']);
    const before = Date.now();
    const response = await invite(person.id);
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.body.url).toMatch(/^http:\/\/localhost:0\/#\/invitation\/[A-Za-z0-9_-]{43}$/);
    const expiresAt = Date.parse(response.body.expiresAt);
    expect(expiresAt - before).toBeGreaterThanOrEqual(72 * 3600_000 - 1000);
    expect(expiresAt - Date.now()).toBeLessThanOrEqual(72 * 3600_000);

    const token = tokenOf(response.body.url);
    const [row] = await withDatabase(
      async (db) =>
        (await db.query(`SELECT * FROM invitations WHERE user_id = $1`, [person.id])).rows,
    );
    expect(row.token_hash).toBe(sha256(token));
    expect(JSON.stringify(row)).not.toContain(token);

    const [event] = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT * FROM audit_events WHERE type = 'invitation.issued' AND data->>'userId' = $1`,
            [person.id],
          )
        ).rows,
    );
    expect(event).toMatchObject({ claim_id: null });
    expect(event.data).toMatchObject({ userId: person.id, invitationId: row.id });
    expect(JSON.stringify(event)).not.toContain(token);
  });

  it('opens registration for the invited person with a server-side challenge', async () => {
    const person = await createUser(app.url, ['editor']);
    const token = tokenOf((await invite(person.id)).body.url);
    const response = await options(token);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      rp: { id: 'localhost' },
      user: { name: person.email, displayName: person.name },
      authenticatorSelection: { residentKey: 'required' },
    });
    const [challenge] = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT *, expires_at - now() AS ttl FROM webauthn_challenges WHERE challenge = $1`,
            [response.body.challenge],
          )
        ).rows,
    );
    expect(challenge).toMatchObject({ purpose: 'registration', user_id: person.id });
    expect(challenge.invitation_id).not.toBeNull();
    expect(challenge.ttl.minutes).toBeLessThanOrEqual(5);
  });

  it('lets only the newest, unexpired invitation of an active person work', async () => {
    const person = await createUser(app.url, ['reporter']);
    const first = tokenOf((await invite(person.id)).body.url);
    const second = tokenOf((await invite(person.id)).body.url);
    expect((await options(first)).status).toBe(403);
    expect((await options(second)).status).toBe(200);

    await withDatabase((db) =>
      db.query(
        `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
        [person.id],
      ),
    );
    const expired = await options(second);
    expect(expired.status).toBe(403);
    expect(expired.body.detail).toMatch(/expired or has already been used/);

    const third = tokenOf((await invite(person.id)).body.url);
    await client(app.url, ADMIN_TOKEN).patch(`/api/v1/users/${person.id}`, {
      body: { active: false },
    });
    expect((await options(third)).status).toBe(403);
    expect((await invite(person.id)).status).toBe(409);
    expect((await options('not-a-token')).status).toBe(403);
  });

  it('is for admins, about users that exist', async () => {
    const person = await createUser(app.url, ['reporter']);
    expect((await invite(person.id, person.token)).status).toBe(403);
    expect((await invite('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await invite('nope')).status).toBe(404);
  });

  it('adds a passkey only for a signed-in session from the desk, or with an invitation', async () => {
    const person = await createUser(app.url, ['reporter']);
    const anonymous = await client(app.url).post('/api/v1/auth/passkeys/registration/options', {
      body: {},
    });
    expect(anonymous.status).toBe(401);
    // A token is for scripts: it does not add passkeys.
    const byToken = await client(app.url, person.token).post(
      '/api/v1/auth/passkeys/registration/options',
      { body: {} },
    );
    expect(byToken.status).toBe(401);
    const session = await signInWithToken(app.url, person.token);
    const noOrigin = await client(app.url).post('/api/v1/auth/passkeys/registration/options', {
      body: {},
      headers: { cookie: session.cookie },
    });
    expect(noOrigin.status).toBe(403);
    const fromDesk = await client(app.url).post('/api/v1/auth/passkeys/registration/options', {
      body: {},
      headers: asDesk(app.url, session),
    });
    expect(fromDesk.status).toBe(200);
    expect(fromDesk.body.user.name).toBe(person.email);
  });

  it('refuses a registration or sign-in it did not issue a challenge for (401, never 5xx)', async () => {
    const fake = {
      id: 'AAAA',
      rawId: 'AAAA',
      type: 'public-key',
      response: { clientDataJSON: 'e30', attestationObject: 'AAAA' },
    };
    const registration = await client(app.url).post('/api/v1/auth/passkeys/registration/verify', {
      body: fake,
    });
    expect(registration.status).toBe(401);
    const signIn = await client(app.url).post('/api/v1/auth/passkeys/authentication/verify', {
      body: assertion((await storedPasskey(admin.id)).credentialId),
    });
    expect(signIn.status).toBe(401);
    expect(signIn.headers.get('set-cookie')).toBeNull();
  });

  it('lists and removes passkeys: own, and anyone’s for admins', async () => {
    const person = await createUser(app.url, ['reporter']);
    const other = await createUser(app.url, ['editor']);
    await storedPasskey(person.id);
    const mine = await client(app.url, person.token).get('/api/v1/passkeys');
    expect(mine.body.items).toEqual([
      expect.objectContaining({ userId: person.id, label: 'test key', lastUsedAt: null }),
    ]);
    expect(JSON.stringify(mine.body)).not.toMatch(/publicKey|public_key|credential/);
    const id = mine.body.items[0].id as string;
    expect((await client(app.url, other.token).delete(`/api/v1/passkeys/${id}`)).status).toBe(403);
    expect((await client(app.url, person.token).delete(`/api/v1/passkeys/${id}`)).status).toBe(204);
    expect((await client(app.url, person.token).delete(`/api/v1/passkeys/${id}`)).status).toBe(404);
    await storedPasskey(person.id);
    const listed = await client(app.url, admin.token).get(`/api/v1/users/${person.id}/passkeys`);
    expect(listed.body.items).toHaveLength(1);
    const removed = await client(app.url, admin.token).delete(
      `/api/v1/passkeys/${listed.body.items[0].id}`,
    );
    expect(removed.status).toBe(204);
    const events = await withDatabase(
      async (db) =>
        (
          await db.query(
            `SELECT actor->>'id' AS by FROM audit_events
              WHERE type = 'passkey.removed' AND data->>'userId' = $1 ORDER BY seq`,
            [person.id],
          )
        ).rows,
    );
    expect(events.map((event) => event.by)).toEqual([person.id, admin.id]);
  });
});

describe('sign-in rate limits', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp({
      env: { SIGN_IN_ATTEMPTS_PER_ADDRESS: '6', SIGN_IN_ATTEMPTS_PER_USER: '2' },
    });
  });
  afterAll(() => app?.stop());

  const verify = (credentialId: string) =>
    client(app.url).post('/api/v1/auth/passkeys/authentication/verify', {
      body: assertion(credentialId),
    });

  it('limits sign-in attempts per person and per address (429 with Retry-After)', async () => {
    const [olena, taras] = await Promise.all([
      createUser(app.url, ['reporter']),
      createUser(app.url, ['editor']),
    ]);
    const olenaKey = (await storedPasskey(olena.id)).credentialId;
    const tarasKey = (await storedPasskey(taras.id)).credentialId;
    // Per person: the third attempt at Olena's account within a minute is refused.
    expect((await verify(olenaKey)).status).toBe(401);
    expect((await verify(olenaKey)).status).toBe(401);
    const limited = await verify(olenaKey);
    expect(limited.status).toBe(429);
    expect(limited.body.detail).toMatch(/account/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another person is not held up by it.
    expect((await verify(tarasKey)).status).toBe(401);
    // Per address: the seventh attempt from this address within a minute is refused.
    const signInOptions = () =>
      client(app.url).post('/api/v1/auth/passkeys/authentication/options');
    expect((await signInOptions()).status).toBe(200);
    expect((await signInOptions()).status).toBe(200);
    const fromAddress = await signInOptions();
    expect(fromAddress.status).toBe(429);
    expect(fromAddress.body.detail).toMatch(/address/);
  });
});
