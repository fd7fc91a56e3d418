import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, runAppToExit, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// SPEC §10, token lifecycle. A database of its own: "the last active admin" must mean the
// last one in the whole database, which other specs' admins would otherwise blur.
describe('token lifecycle', () => {
  let app: AppProcess;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  const admin = () => client(app.url, ADMIN_TOKEN);

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url } });
  });
  afterAll(async () => {
    await app.stop();
    await scratch.drop();
  });

  it('revokes every token of a deactivated user; reactivation does not bring them back', async () => {
    const reporter = await createUser(app.url, ['reporter']);
    const second = await admin().post(`/api/v1/users/${reporter.id}/tokens`, {
      body: { label: 'laptop' },
    });
    const tokens = [reporter.token, second.body.token as string];
    for (const token of tokens)
      expect((await client(app.url, token).get('/api/v1/me')).status).toBe(200);

    expect(
      (await admin().patch(`/api/v1/users/${reporter.id}`, { body: { active: false } })).status,
    ).toBe(200);
    expect(
      (await admin().patch(`/api/v1/users/${reporter.id}`, { body: { active: true } })).status,
    ).toBe(200);
    for (const token of tokens)
      expect((await client(app.url, token).get('/api/v1/me')).status).toBe(401);

    const listed = await admin().get(`/api/v1/users/${reporter.id}/tokens`);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items.every((token: { revokedAt: string | null }) => token.revokedAt)).toBe(
      true,
    );
  });

  it('lists tokens without secrets: admins anyone’s, a user their own, nobody else’s', async () => {
    const [editor, other] = await Promise.all([
      createUser(app.url, ['editor']),
      createUser(app.url, ['editor']),
    ]);
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    await admin().post(`/api/v1/users/${editor.id}/tokens`, { body: { label: 'ci', expiresAt } });

    const listed = await admin().get(`/api/v1/users/${editor.id}/tokens`);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toHaveLength(2);
    expect(listed.body.items[0]).toEqual({
      id: expect.any(String),
      userId: editor.id,
      label: 'ci',
      createdAt: expect.any(String),
      lastUsedAt: null,
      expiresAt,
      revokedAt: null,
    });
    expect(listed.text).not.toContain(editor.token);
    expect(listed.text).not.toMatch(/cd_|[0-9a-f]{64}/);

    expect(
      (await client(app.url, editor.token).get(`/api/v1/users/${editor.id}/tokens`)).status,
    ).toBe(200);
    const foreign = await client(app.url, other.token).get(`/api/v1/users/${editor.id}/tokens`);
    expect(foreign.status).toBe(403);
  });

  it('honours expiresAt and refuses one in the past', async () => {
    const reporter = await createUser(app.url, ['reporter']);
    const soon = new Date(Date.now() + 1500).toISOString();
    const issued = await admin().post(`/api/v1/users/${reporter.id}/tokens`, {
      body: { expiresAt: soon },
    });
    expect(issued.status).toBe(201);
    expect(issued.body.expiresAt).toBe(soon);
    const token = issued.body.token as string;
    expect((await client(app.url, token).get('/api/v1/me')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await client(app.url, token).get('/api/v1/me')).status).toBe(401);

    const past = await admin().post(`/api/v1/users/${reporter.id}/tokens`, {
      body: { expiresAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    expect(past.body.errors).toContainEqual(expect.objectContaining({ field: 'expiresAt' }));
    const week = await admin().post(`/api/v1/users/${reporter.id}/tokens`, {
      body: { expiresAt: '2030-W10-3' },
    });
    expect(week.status).toBe(400);
  });

  it('sends Cache-Control: no-store with every response that carries a secret', async () => {
    const created = await admin().post('/api/v1/users', {
      body: { name: 'Cache Test', email: `cache-${Date.now()}@newsroom.test`, roles: ['reporter'] },
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('cache-control')).toBe('no-store');
    const issued = await admin().post(`/api/v1/users/${created.body.user.id}/tokens`, { body: {} });
    expect(issued.status).toBe(201);
    expect(issued.headers.get('cache-control')).toBe('no-store');
  });

  it('records the token a request used in every audit actor', async () => {
    const auditor = await createUser(app.url, ['auditor']);
    const admins = await admin().get('/api/v1/users');
    const bootstrap = admins.body.items.find(
      (user: { email: string }) => user.email === 'admin@claimdesk.local',
    );
    const bootstrapTokens = await admin().get(`/api/v1/users/${bootstrap.id}/tokens`);
    const bootstrapTokenId = bootstrapTokens.body.items[0].id as string;
    const events = await client(app.url, auditor.token).get(
      `/api/v1/audit/events?type=user.created&actorId=${bootstrap.id}&limit=200`,
    );
    const created = events.body.items.find(
      (event: { data: { userId: string } }) => event.data.userId === auditor.id,
    );
    expect(created.actor).toEqual({
      id: bootstrap.id,
      name: 'Administrator',
      roles: ['admin'],
      tokenId: bootstrapTokenId,
    });
  });

  it('refuses (409) to demote or deactivate the last active admin, also when two admins demote each other at once', async () => {
    const second = await createUser(app.url, ['admin']);
    const listed = await admin().get('/api/v1/users');
    const bootstrap = listed.body.items.find(
      (user: { email: string }) => user.email === 'admin@claimdesk.local',
    );
    // Two admins demote each other at the same moment: one may win, never both.
    const [a, b] = await Promise.all([
      admin().patch(`/api/v1/users/${second.id}`, { body: { roles: ['editor'] } }),
      client(app.url, second.token).patch(`/api/v1/users/${bootstrap.id}`, {
        body: { roles: ['editor'] },
      }),
    ]);
    // The loser is refused: 409 when it reaches the check second, 403 when the winner had
    // already taken its admin role before its request was authorised.
    const [won, lost] = [a.status, b.status].sort();
    expect(won).toBe(200);
    expect([403, 409]).toContain(lost);
    const remaining = (
      await client(app.url, a.status === 200 ? ADMIN_TOKEN : second.token).get('/api/v1/users')
    ).body.items.filter(
      (user: { roles: string[]; active: boolean }) => user.active && user.roles.includes('admin'),
    );
    expect(remaining).toHaveLength(1);
    const last = remaining[0].id as string;
    const lastAdmin = client(app.url, last === bootstrap.id ? ADMIN_TOKEN : second.token);
    const demoted = await lastAdmin.patch(`/api/v1/users/${last}`, { body: { roles: ['editor'] } });
    expect(demoted.status).toBe(409);
    expect(demoted.headers.get('content-type')).toContain('application/problem+json');
    expect(demoted.body.detail).toContain('last active admin');
    expect(
      (await lastAdmin.patch(`/api/v1/users/${last}`, { body: { active: false } })).status,
    ).toBe(409);
    // Another admin first, then the demotion goes through.
    const third = await lastAdmin.post('/api/v1/users', {
      body: { name: 'Third Admin', email: `third-${Date.now()}@newsroom.test`, roles: ['admin'] },
    });
    expect(third.status).toBe(201);
    expect(
      (await lastAdmin.patch(`/api/v1/users/${last}`, { body: { roles: ['editor', 'admin'] } }))
        .status,
    ).toBe(200);
  });
});

describe('BOOTSTRAP_ADMIN_TOKEN is validated at start like any token', () => {
  it.each([
    ['without the cd_ prefix', 'x'.repeat(48)],
    ['with characters no token has', 'cd_' + 'a'.repeat(40) + ' !'],
    ['too short', 'cd_short'],
  ])('stops the start naming the variable for a value %s', async (_case, value) => {
    const { code, stderr } = await runAppToExit({ BOOTSTRAP_ADMIN_TOKEN: value });
    expect(code).toBe(1);
    expect(stderr).toContain('BOOTSTRAP_ADMIN_TOKEN');
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});
