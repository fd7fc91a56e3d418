import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { hashTokenSecret } from '../../src/auth/token-secret.js';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';

describe('people, tokens and roles', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  describe('tokens', () => {
    it('issues cd_-prefixed tokens of at least 32 random bytes', async () => {
      const user = await createUser(app.url, ['reporter']);
      expect(user.token).toMatch(/^cd_[A-Za-z0-9_-]{43,}$/);
      const me = await client(app.url, user.token).get('/api/v1/me');
      expect(me.status).toBe(200);
      expect(me.body).toEqual({
        id: user.id,
        name: user.name,
        email: user.email,
        roles: ['reporter'],
      });
    });

    it('keeps no plaintext token anywhere in the database', async () => {
      const user = await createUser(app.url, ['editor']);
      const found = await withDatabase(async (db) => {
        const { rows } = await db.query<{ dump: string }>(
          `SELECT (SELECT json_agg(t) FROM api_tokens t)::text
               || (SELECT json_agg(u) FROM users u)::text
               || (SELECT json_agg(e) FROM audit_events e)::text AS dump`,
        );
        const stored = await db.query('SELECT 1 FROM api_tokens WHERE token_hash = $1', [
          hashTokenSecret(user.token),
        ]);
        return { dump: rows[0].dump, hashStored: stored.rowCount };
      });
      expect(found.dump).not.toContain(user.token);
      expect(found.dump).not.toContain(user.token.slice(3));
      expect(found.hashStored).toBe(1);
    });

    it('answers 401 to a missing, malformed or unknown token', async () => {
      for (const authorization of [undefined, 'Bearer', 'Basic abc', 'Bearer cd_nope']) {
        const response = await client(app.url).get('/api/v1/me', {
          headers: authorization ? { authorization } : {},
        });
        expect(response.status).toBe(401);
        expect(response.headers.get('content-type')).toContain('application/problem+json');
        expect(response.body.type).toBe('https://claimdesk.dev/problems/unauthenticated');
      }
    });

    it('stops a revoked token on its next request, and records the revocation', async () => {
      const user = await createUser(app.url, ['reporter']);
      const admin = client(app.url, ADMIN_TOKEN);
      const second = await admin.post(`/api/v1/users/${user.id}/tokens`, {
        body: { label: 'phone' },
      });
      expect(second.status).toBe(201);
      expect(second.body.token).toMatch(/^cd_/);

      expect((await admin.delete(`/api/v1/tokens/${user.tokenId}`)).status).toBe(204);
      expect((await client(app.url, user.token).get('/api/v1/me')).status).toBe(401);
      expect((await client(app.url, second.body.token).get('/api/v1/me')).status).toBe(200);

      const events = await withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT type, data FROM audit_events WHERE chain = 'system' AND data->>'userId' = $1
           ORDER BY seq`,
          [user.id],
        );
        return rows;
      });
      expect(events.map((event) => event.type)).toEqual([
        'user.created',
        'token.issued',
        'token.issued',
        'token.revoked',
      ]);
    });

    it('answers 404 when revoking a token that does not exist', async () => {
      const response = await client(app.url, ADMIN_TOKEN).delete(
        '/api/v1/tokens/6f1c0c5e-0000-4000-8000-000000000000',
      );
      expect(response.status).toBe(404);
    });
  });

  describe('users', () => {
    it('stops a deactivated user at once; reactivated, they sign in with a new token (SPEC §10: the old ones stay revoked)', async () => {
      const user = await createUser(app.url, ['editor']);
      const admin = client(app.url, ADMIN_TOKEN);
      expect((await client(app.url, user.token).get('/api/v1/me')).status).toBe(200);

      const off = await admin.patch(`/api/v1/users/${user.id}`, { body: { active: false } });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await client(app.url, user.token).get('/api/v1/me')).status).toBe(401);

      await admin.patch(`/api/v1/users/${user.id}`, { body: { active: true } });
      expect((await client(app.url, user.token).get('/api/v1/me')).status).toBe(401);
      const fresh = await admin.post(`/api/v1/users/${user.id}/tokens`, { body: {} });
      expect((await client(app.url, fresh.body.token).get('/api/v1/me')).status).toBe(200);
    });

    it('changes roles and records before and after', async () => {
      const user = await createUser(app.url, ['reporter']);
      const response = await client(app.url, ADMIN_TOKEN).patch(`/api/v1/users/${user.id}`, {
        body: { roles: ['reporter', 'editor'] },
      });
      expect(response.status).toBe(200);
      expect(response.body.roles).toEqual(['reporter', 'editor']);
      const me = await client(app.url, user.token).get('/api/v1/me');
      expect(me.body.roles).toEqual(['reporter', 'editor']);

      const [event] = await withDatabase(async (db) => {
        const { rows } = await db.query(
          `SELECT data FROM audit_events WHERE type = 'user.updated' AND data->>'userId' = $1`,
          [user.id],
        );
        return rows;
      });
      expect(event.data).toEqual({
        userId: user.id,
        before: { roles: ['reporter'] },
        after: { roles: ['reporter', 'editor'] },
      });
    });

    it('refuses a second user with the same email, whatever its case', async () => {
      const user = await createUser(app.url, ['reporter']);
      const response = await client(app.url, ADMIN_TOKEN).post('/api/v1/users', {
        body: { name: 'Copy', email: user.email.toUpperCase(), roles: ['reporter'] },
      });
      expect(response.status).toBe(409);
      expect(response.body.errors).toEqual([{ field: 'email', message: 'is already taken' }]);
    });

    it('refuses unknown roles and empty role lists, naming the field', async () => {
      const admin = client(app.url, ADMIN_TOKEN);
      for (const roles of [['owner'], [], 'editor']) {
        const response = await admin.post('/api/v1/users', {
          body: { name: 'X', email: 'x-roles@newsroom.test', roles },
        });
        expect(response.status).toBe(400);
        expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(
          'roles',
        );
      }
    });

    it('answers 404 for a user id that does not exist or is not a uuid', async () => {
      const admin = client(app.url, ADMIN_TOKEN);
      const missing = await admin.patch('/api/v1/users/6f1c0c5e-0000-4000-8000-000000000000', {
        body: { active: false },
      });
      expect(missing.status).toBe(404);
      expect((await admin.patch('/api/v1/users/42', { body: { active: false } })).status).toBe(404);
    });
  });
});
