import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { submitClaim, transition } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';

// Submissions and transitions may start from a token's recent lookup instead of a new one
// (src/auth/remembered-identity.ts); their statement confirms it. Two processes on one
// database, as two replicas: a change made through one is obeyed by the other on the very
// next request, though both remember the token as it was.
describe('remembered identities, across two processes', () => {
  let first: AppProcess;
  let second: AppProcess;
  const admin = () => client(first.url, ADMIN_TOKEN);

  beforeAll(async () => {
    [first, second] = await Promise.all([startApp(), startApp()]);
  });
  afterAll(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
  });

  // Both processes remember the token: each has just served it a submission.
  async function rememberedOnBoth(who: TestUser) {
    return Promise.all([submitClaim(first.url, who), submitClaim(second.url, who)]);
  }

  const claimsBy = (userId: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM claims WHERE submitted_by = $1',
        [userId],
      );
      return rows[0].count;
    });

  const submitOn = (app: AppProcess, who: TestUser) =>
    client(app.url, who.token).post('/api/v1/claims', {
      body: { text: `A claim submitted ${randomUUID()}` },
    });

  it('refuses a revoked token on the very next submission and transition, on both processes', async () => {
    const reporter = await createUser(first.url, ['reporter']);
    const editor = await createUser(first.url, ['editor']);
    const claims = await rememberedOnBoth(reporter);
    const claim = await submitClaim(first.url, reporter);
    // Both processes remember the editor's token through a transition.
    for (const [index, app] of [first, second].entries()) {
      expect((await transition(app.url, editor, claims[index], 'in_review')).status).toBe(200);
    }
    const before = await claimsBy(reporter.id);

    for (const who of [reporter, editor]) {
      expect((await admin().delete(`/api/v1/tokens/${who.tokenId}`)).status).toBe(204);
    }

    for (const app of [second, first]) {
      const submitted = await submitOn(app, reporter);
      expect(submitted.status).toBe(401);
      expect(submitted.body.type).toContain('unauthenticated');
      expect((await transition(app.url, editor, claim, 'in_review')).status).toBe(401);
    }
    expect(await claimsBy(reporter.id)).toBe(before);
    const unchanged = await client(first.url, ADMIN_TOKEN).get(`/api/v1/claims/${claim.id}`);
    expect(unchanged.body).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('refuses a deactivated user on the very next request, on both processes', async () => {
    const reporter = await createUser(first.url, ['reporter']);
    await rememberedOnBoth(reporter);
    const before = await claimsBy(reporter.id);

    const patched = await admin().patch(`/api/v1/users/${reporter.id}`, {
      body: { active: false },
    });
    expect(patched.status).toBe(200);

    expect((await submitOn(second, reporter)).status).toBe(401);
    expect((await submitOn(first, reporter)).status).toBe(401);
    expect(await claimsBy(reporter.id)).toBe(before);
  });

  it('tells a revoked token nothing about a claim, not even that it does not exist', async () => {
    const editor = await createUser(first.url, ['editor']);
    await rememberedOnBoth(editor);
    expect((await admin().delete(`/api/v1/tokens/${editor.tokenId}`)).status).toBe(204);

    const missing = { id: randomUUID(), version: 1 };
    expect((await transition(second.url, editor, missing, 'in_review')).status).toBe(401);
  });

  it('answers 403 on the very next request once a role is taken away, and writes nothing', async () => {
    const editor = await createUser(first.url, ['reporter', 'editor']);
    const reporter = await createUser(first.url, ['reporter']);
    const [claim] = await rememberedOnBoth(reporter);
    await rememberedOnBoth(editor);

    const demoted = await admin().patch(`/api/v1/users/${editor.id}`, {
      body: { roles: ['reporter'] },
    });
    expect(demoted.status).toBe(200);

    // A reporter may not start a review: the remembered roles (with editor) are not used.
    const refused = await transition(second.url, editor, claim, 'in_review');
    expect(refused.status).toBe(403);
    const unchanged = await client(first.url, ADMIN_TOKEN).get(`/api/v1/claims/${claim.id}`);
    expect(unchanged.body).toMatchObject({ status: 'submitted', version: 1 });
  });

  it('serves a role given since on the very next request', async () => {
    const auditor = await createUser(first.url, ['auditor']);
    // Remembered as an auditor, who may not submit.
    expect((await submitOn(second, auditor)).status).toBe(403);

    const promoted = await admin().patch(`/api/v1/users/${auditor.id}`, {
      body: { roles: ['auditor', 'reporter'] },
    });
    expect(promoted.status).toBe(200);
    expect((await submitOn(second, auditor)).status).toBe(201);
  });

  it('records the name a user has now, not the one remembered', async () => {
    const reporter = await createUser(first.url, ['reporter']);
    await rememberedOnBoth(reporter);

    const renamed = await admin().patch(`/api/v1/users/${reporter.id}`, {
      body: { name: 'Renamed Reporter' },
    });
    expect(renamed.status).toBe(200);

    for (const app of [second, first]) {
      const submitted = await submitOn(app, reporter);
      expect(submitted.status).toBe(201);
      const history = await client(first.url, ADMIN_TOKEN).get(
        `/api/v1/claims/${submitted.body.id}/history`,
      );
      expect(history.body.items[0].actor).toMatchObject({
        id: reporter.id,
        name: 'Renamed Reporter',
        tokenId: reporter.tokenId,
      });
    }
  });
});
