import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { submitClaim } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { ApiResponse, client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';

// Fields a caller may not set (SPEC §2, §3) are refused — a 400 naming the field, or a 403
// — and never reach the database, checked on the stored rows themselves.
const marker = () => `mass-assignment ${randomBytes(6).toString('hex')}`;
const SOMEONE = '00000000-0000-4000-8000-000000000001';

// Values a forger would send for each server-owned claim field.
const CLAIM_FORGERIES: Record<string, unknown> = {
  status: 'verified',
  version: 99,
  submittedBy: SOMEONE,
  decidedBy: SOMEONE,
  decidedAt: '2022-03-02T00:00:00Z',
  assigneeId: SOMEONE,
  id: SOMEONE,
  createdAt: '2000-01-01T00:00:00Z',
  updatedAt: '2000-01-01T00:00:00Z',
  rationale: 'Decided by the submitter.',
  sources: [{ sourceId: SOMEONE, stance: 'supports' }],
};

function expectRefusedNaming(response: ApiResponse, field: string) {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.body.errors).toEqual(
    expect.arrayContaining([expect.objectContaining({ field })]),
  );
}

describe('Mass assignment', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, auditor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser | string) => client(app.url, typeof who === 'string' ? who : who.token);

  const storedClaim = (id: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        `SELECT id, text, status, version, submitted_by, decided_by, decided_at, assignee_id,
                rationale, created_at, updated_at
           FROM claims WHERE id = $1`,
        [id],
      );
      return rows[0] as Record<string, unknown>;
    });
  const claimsWithText = (text: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query('SELECT count(*)::int AS n FROM claims WHERE text = $1', [
        text,
      ]);
      return rows[0].n as number;
    });

  describe('POST /claims', () => {
    it.each(Object.keys(CLAIM_FORGERIES))('refuses %s and stores no claim', async (field) => {
      const text = marker();
      const response = await as(reporter).post('/api/v1/claims', {
        body: { text, [field]: CLAIM_FORGERIES[field] },
      });
      expectRefusedNaming(response, field);
      expect(await claimsWithText(text)).toBe(0);
    });

    it('ignores no forged field silently: every one is named in a single 400', async () => {
      const text = marker();
      const response = await as(reporter).post('/api/v1/claims', {
        body: { text, ...CLAIM_FORGERIES },
      });
      expect(response.status).toBe(400);
      const named = (response.body.errors as { field: string }[]).map((error) => error.field);
      expect(named).toEqual(expect.arrayContaining(Object.keys(CLAIM_FORGERIES)));
      expect(await claimsWithText(text)).toBe(0);
    });

    it('refuses prototype keys at any depth, so none can smuggle a status in', async () => {
      const text = marker();
      const quoted = JSON.stringify(text);
      for (const body of [
        `{"text":${quoted},"__proto__":{"status":"verified"}}`,
        `{"text":${quoted},"constructor":{"prototype":{"status":"verified"}}}`,
        `{"text":${quoted},"constructor":{"status":"verified"}}`,
        `{"text":${quoted},"prototype":{"status":"verified"}}`,
        `{"text":${quoted},"span":{"start":0,"end":1,"__proto__":{"status":"verified"}}}`,
        `{"text":${quoted},"tags":[{"constructor":{"prototype":{"status":"verified"}}}]}`,
      ]) {
        const response = await as(reporter).post('/api/v1/claims', { rawBody: body });
        expect(response.status).toBe(400);
      }
      expect(await claimsWithText(text)).toBe(0);
    });
  });

  describe('PATCH /claims/:id', () => {
    it.each(Object.keys(CLAIM_FORGERIES))(
      'refuses %s and leaves the claim as it was',
      async (field) => {
        const claim = await submitClaim(app.url, reporter);
        const before = await storedClaim(claim.id);
        const response = await as(editor).patch(`/api/v1/claims/${claim.id}`, {
          body: { text: marker(), [field]: CLAIM_FORGERIES[field] },
          headers: { 'if-match': '"1"' },
        });
        expectRefusedNaming(response, field);
        expect(await storedClaim(claim.id)).toEqual(before);
      },
    );

    it('refuses the submitter editing their own claim into a decision', async () => {
      const claim = await submitClaim(app.url, reporter);
      const before = await storedClaim(claim.id);
      const response = await as(reporter).patch(`/api/v1/claims/${claim.id}`, {
        body: { status: 'verified', decidedBy: reporter.id, rationale: 'Mine, so true.' },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(400);
      expect(await storedClaim(claim.id)).toEqual(before);
    });
  });

  describe('POST /claims/:id/transitions', () => {
    it.each(['decidedBy', 'assigneeId', 'version', 'status'])(
      'refuses %s beside the transition and leaves the claim as it was',
      async (field) => {
        const claim = await submitClaim(app.url, reporter);
        const before = await storedClaim(claim.id);
        const response = await as(editor).post(`/api/v1/claims/${claim.id}/transitions`, {
          body: { to: 'in_review', [field]: CLAIM_FORGERIES[field] },
          headers: { 'if-match': '"1"' },
        });
        expectRefusedNaming(response, field);
        expect(await storedClaim(claim.id)).toEqual(before);
      },
    );
  });

  describe('PATCH /users/:id', () => {
    const storedUser = (id: string) =>
      withDatabase(async (db) => {
        const { rows } = await db.query('SELECT name, roles, active FROM users WHERE id = $1', [
          id,
        ]);
        return rows[0] as { name: string; roles: string[]; active: boolean };
      });

    it.each([
      ['reporter', { roles: ['admin'] }],
      ['reporter', { roles: ['reporter', 'editor'] }],
      ['editor', { roles: ['editor', 'admin'] }],
      ['auditor', { active: true, roles: ['admin'] }],
      ['reporter', { name: 'Renamed by myself' }],
    ] as const)('refuses a %s changing their own account (%j) with a 403', async (who, body) => {
      const person = { reporter, editor, auditor }[who];
      const before = await storedUser(person.id);
      const response = await as(person).patch(`/api/v1/users/${person.id}`, { body });
      expect(response.status).toBe(403);
      expect(await storedUser(person.id)).toEqual(before);
    });

    it('refuses a non-admin deactivating or promoting someone else', async () => {
      const before = await storedUser(editor.id);
      for (const body of [{ active: false }, { roles: ['admin'] }]) {
        const response = await as(reporter).patch(`/api/v1/users/${editor.id}`, { body });
        expect(response.status).toBe(403);
      }
      expect(await storedUser(editor.id)).toEqual(before);
    });

    it.each(['id', 'email', 'createdAt', 'tokenHash'])(
      'refuses %s even from an admin',
      async (field) => {
        const before = await storedUser(reporter.id);
        const response = await as(ADMIN_TOKEN).patch(`/api/v1/users/${reporter.id}`, {
          body: { [field]: field === 'email' ? 'taken-over@newsroom.test' : SOMEONE },
        });
        expectRefusedNaming(response, field);
        expect(await storedUser(reporter.id)).toEqual(before);
      },
    );
  });

  describe('sources and evidence', () => {
    const sourcesTitled = (title: string) =>
      withDatabase(async (db) => {
        const { rows } = await db.query('SELECT count(*)::int AS n FROM sources WHERE title = $1', [
          title,
        ]);
        return rows[0].n as number;
      });

    it.each(['createdBy', 'id', 'createdAt', 'normalizedUrl'])(
      'refuses %s on POST /sources and stores no source',
      async (field) => {
        const title = marker();
        const response = await as(reporter).post('/api/v1/sources', {
          body: { kind: 'document', title, [field]: SOMEONE },
        });
        expectRefusedNaming(response, field);
        expect(await sourcesTitled(title)).toBe(0);
      },
    );

    it('refuses createdBy on an inline source and attaches nothing', async () => {
      const claim = await submitClaim(app.url, reporter);
      const title = marker();
      const response = await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, {
        body: { stance: 'supports', source: { kind: 'document', title, createdBy: SOMEONE } },
      });
      expectRefusedNaming(response, 'source.createdBy');
      expect(await sourcesTitled(title)).toBe(0);
      const attached = await withDatabase(async (db) => {
        const { rows } = await db.query(
          'SELECT count(*)::int AS n FROM claim_sources WHERE claim_id = $1',
          [claim.id],
        );
        return rows[0].n as number;
      });
      expect(attached).toBe(0);
    });

    it.each(['attachedBy', 'claimId'])('refuses %s when attaching evidence', async (field) => {
      const claim = await submitClaim(app.url, reporter);
      const response = await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, {
        body: { stance: 'context', source: { kind: 'other', title: marker() }, [field]: SOMEONE },
      });
      expectRefusedNaming(response, field);
    });
  });

  describe('POST /claims/:id/comments', () => {
    it.each(['authorId', 'id', 'createdAt', 'claimId'])(
      'refuses %s and stores no comment',
      async (field) => {
        const claim = await submitClaim(app.url, reporter);
        const body = marker();
        const response = await as(reporter).post(`/api/v1/claims/${claim.id}/comments`, {
          body: { body, [field]: SOMEONE },
        });
        expectRefusedNaming(response, field);
        const stored = await withDatabase(async (db) => {
          const { rows } = await db.query(
            'SELECT count(*)::int AS n FROM comments WHERE body = $1',
            [body],
          );
          return rows[0].n as number;
        });
        expect(stored).toBe(0);
      },
    );

    it('stores the caller as author whatever else the request says', async () => {
      const claim = await submitClaim(app.url, reporter);
      const response = await as(editor).post(`/api/v1/claims/${claim.id}/comments`, {
        body: { body: marker() },
        headers: { 'x-user-id': reporter.id },
      });
      expect(response.status).toBe(201);
      expect(response.body.authorId).toBe(editor.id);
    });
  });

  describe('POST /articles', () => {
    it.each(['submittedBy', 'candidates', 'id'])('refuses %s', async (field) => {
      const response = await as(reporter).post('/api/v1/articles', {
        body: { text: 'The mayor said 40 people were hurt.', [field]: SOMEONE },
      });
      expectRefusedNaming(response, field);
    });
  });
});
