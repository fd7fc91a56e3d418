import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { attachSource, move, submitClaim, transition } from '../support/claims.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';

const PROBLEM = 'https://claimdesk.dev/problems/';

describe('claim workflow (SPEC §3)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let otherReporter: TestUser;
  let editor: TestUser;
  let secondEditor: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, secondEditor, auditor } = await createNewsroom(app.url));
    otherReporter = await createUser(app.url, ['reporter']);
  });
  afterAll(() => app.stop());

  const submitted = () => submitClaim(app.url, reporter);
  const inReview = async () => move(app.url, editor, await submitted(), 'in_review');
  const eventTypes = (claimId: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query(
        'SELECT type FROM audit_events WHERE chain = $1 ORDER BY seq',
        [claimId],
      );
      return rows.map((row) => row.type as string);
    });

  describe('submitted → in_review', () => {
    it('lets an editor start review and assigns the claim to them', async () => {
      const claim = await submitted();
      const response = await transition(app.url, editor, claim, 'in_review');
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({
        status: 'in_review',
        assigneeId: editor.id,
        version: 2,
      });
      expect(await eventTypes(claim.id)).toEqual([
        'claim.submitted',
        'claim.transitioned',
        'claim.assigned',
      ]);
    });

    it('refuses a reporter starting review', async () => {
      const response = await transition(app.url, otherReporter, await submitted(), 'in_review');
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(PROBLEM + 'forbidden');
    });

    it('refuses an editor reviewing a claim they submitted (four-eyes)', async () => {
      const own = await submitClaim(app.url, editor);
      const response = await transition(app.url, editor, own, 'in_review');
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(PROBLEM + 'four-eyes');
    });
  });

  describe('decisions', () => {
    it('verifies with a rationale and a supporting source, recording who decided and when', async () => {
      const claim = await attachSource(app.url, editor, await inReview(), 'supports');
      const response = await transition(app.url, editor, claim, 'verified', 'Matches the record.');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'verified',
        rationale: 'Matches the record.',
        decidedBy: editor.id,
      });
      expect(Date.parse(response.body.decidedAt)).toBeGreaterThan(Date.now() - 60_000);
    });

    it('refuses to verify without a supporting source, naming the rule', async () => {
      const claim = await attachSource(app.url, editor, await inReview(), 'contradicts');
      const response = await transition(app.url, editor, claim, 'verified', 'Looks right.');
      expect(response.status).toBe(422);
      expect(response.body.type).toBe(PROBLEM + 'evidence-missing');
      expect(response.body.rule).toBe('VERIFY_MIN_SUPPORTING_SOURCES');
      expect(response.body.detail).toContain('VERIFY_MIN_SUPPORTING_SOURCES');
    });

    it.each(['disputed', 'refuted'])('moves to %s with a contradicting source', async (to) => {
      const claim = await attachSource(app.url, editor, await inReview(), 'contradicts');
      const response = await transition(app.url, editor, claim, to, 'Contradicted.');
      expect(response.status).toBe(200);
      expect(response.body.status).toBe(to);
    });

    it.each(['disputed', 'refuted'])('refuses %s without a contradicting source', async (to) => {
      const claim = await attachSource(app.url, editor, await inReview(), 'supports');
      const response = await transition(app.url, editor, claim, to, 'Contradicted?');
      expect(response.status).toBe(422);
      expect(response.body.rule).toBe('AT_LEAST_ONE_CONTRADICTING_SOURCE');
    });

    it('marks a claim unverifiable with a rationale and no evidence', async () => {
      const response = await transition(
        app.url,
        editor,
        await inReview(),
        'unverifiable',
        'No access.',
      );
      expect(response.status).toBe(200);
      expect(response.body.status).toBe('unverifiable');
    });

    it.each(['verified', 'disputed', 'refuted', 'unverifiable'])(
      'requires a rationale to decide %s',
      async (to) => {
        const response = await transition(app.url, editor, await inReview(), to);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual([
          { field: 'rationale', message: expect.stringContaining('required') },
        ]);
      },
    );

    it("rejects a decision by the claim's submitter (four-eyes)", async () => {
      const own = await move(
        app.url,
        secondEditor,
        await submitClaim(app.url, editor),
        'in_review',
      );
      const response = await transition(app.url, editor, own, 'unverifiable', 'I wrote it.');
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(PROBLEM + 'four-eyes');
    });

    it('rejects a decision by a reporter', async () => {
      const response = await transition(app.url, reporter, await inReview(), 'unverifiable', 'x');
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(PROBLEM + 'forbidden');
    });

    it('rejects every transition by an auditor', async () => {
      const response = await transition(app.url, auditor, await submitted(), 'in_review');
      expect(response.status).toBe(403);
    });
  });

  describe('withdrawal', () => {
    it('lets the submitter withdraw their own submitted claim with a rationale', async () => {
      const response = await transition(
        app.url,
        reporter,
        await submitted(),
        'withdrawn',
        'Misquoted.',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ status: 'withdrawn', rationale: 'Misquoted.' });
    });

    it('lets the submitter withdraw their claim while it is in review', async () => {
      const response = await transition(
        app.url,
        reporter,
        await inReview(),
        'withdrawn',
        'Dropped.',
      );
      expect(response.status).toBe(200);
    });

    it("lets an editor withdraw anyone's claim, even their own", async () => {
      expect(
        (await transition(app.url, editor, await inReview(), 'withdrawn', 'Dup.')).status,
      ).toBe(200);
      const own = await submitClaim(app.url, editor);
      expect((await transition(app.url, editor, own, 'withdrawn', 'Mine.')).status).toBe(200);
    });

    it("refuses a reporter withdrawing someone else's claim", async () => {
      const response = await transition(
        app.url,
        otherReporter,
        await submitted(),
        'withdrawn',
        'x',
      );
      expect(response.status).toBe(403);
    });

    it('requires a rationale', async () => {
      const response = await transition(app.url, reporter, await submitted(), 'withdrawn');
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe('rationale');
    });

    it('refuses to withdraw a decided claim', async () => {
      const decided = await move(app.url, editor, await inReview(), 'unverifiable');
      const response = await transition(app.url, editor, decided, 'withdrawn', 'Too late.');
      expect(response.status).toBe(409);
      expect(response.body.allowed).toEqual(['in_review']);
    });

    it('treats withdrawn as final', async () => {
      const withdrawn = await move(app.url, reporter, await submitted(), 'withdrawn');
      for (const to of ['submitted', 'in_review', 'verified', 'unverifiable', 'withdrawn']) {
        const response = await transition(app.url, editor, withdrawn, to, 'Again.');
        expect(response.status).toBe(409);
        expect(response.body).toMatchObject({ type: PROBLEM + 'illegal-transition', allowed: [] });
        expect(response.body.detail).toContain('final');
      }
    });
  });

  describe('reopening', () => {
    const decided = async () => move(app.url, editor, await inReview(), 'unverifiable', 'No data.');

    it('lets an editor reopen a decided claim, assigning it to them and clearing the decision', async () => {
      const response = await transition(
        app.url,
        secondEditor,
        await decided(),
        'in_review',
        'New data.',
      );
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        status: 'in_review',
        assigneeId: secondEditor.id,
        rationale: 'New data.',
        decidedBy: null,
        decidedAt: null,
      });
    });

    it('requires a rationale to reopen', async () => {
      const response = await transition(app.url, editor, await decided(), 'in_review');
      expect(response.status).toBe(400);
    });

    it('refuses a reporter reopening', async () => {
      const response = await transition(app.url, reporter, await decided(), 'in_review', 'Please.');
      expect(response.status).toBe(403);
    });

    it("refuses the claim's submitter reopening it (four-eyes)", async () => {
      const own = await move(
        app.url,
        secondEditor,
        await submitClaim(app.url, editor),
        'in_review',
      );
      const closed = await move(app.url, secondEditor, own, 'unverifiable');
      const response = await transition(app.url, editor, closed, 'in_review', 'Mine.');
      expect(response.status).toBe(403);
      expect(response.body.type).toBe(PROBLEM + 'four-eyes');
    });
  });

  describe('illegal transitions', () => {
    it('answers 409 naming the allowed transitions', async () => {
      const response = await transition(app.url, editor, await submitted(), 'verified', 'Obvious.');
      expect(response.status).toBe(409);
      expect(response.body.type).toBe(PROBLEM + 'illegal-transition');
      expect(response.body.allowed).toEqual(['in_review', 'withdrawn']);
      expect(response.body.detail).toContain('in_review, withdrawn');
    });

    it('refuses going back to submitted or staying in place', async () => {
      const claim = await inReview();
      for (const to of ['submitted', 'in_review']) {
        const response = await transition(app.url, secondEditor, claim, to, 'Back.');
        expect(response.status).toBe(409);
        expect(response.body.allowed).toEqual([
          'verified',
          'disputed',
          'refuted',
          'unverifiable',
          'withdrawn',
        ]);
      }
    });

    it('refuses deciding again without reopening', async () => {
      const decided = await move(app.url, editor, await inReview(), 'unverifiable');
      const response = await transition(app.url, editor, decided, 'verified', 'Changed mind.');
      expect(response.status).toBe(409);
      expect(response.body.allowed).toEqual(['in_review']);
    });
  });

  describe('preconditions and errors', () => {
    it('answers 428 without If-Match', async () => {
      const claim = await submitted();
      const response = await client(app.url, editor.token).post(
        `/api/v1/claims/${claim.id}/transitions`,
        { body: { to: 'in_review' } },
      );
      expect(response.status).toBe(428);
      expect(response.body.type).toBe(PROBLEM + 'precondition-required');
    });

    it('answers 428 for If-Match: * (a version must be named)', async () => {
      const claim = await submitted();
      const response = await client(app.url, editor.token).post(
        `/api/v1/claims/${claim.id}/transitions`,
        { body: { to: 'in_review' }, headers: { 'if-match': '*' } },
      );
      expect(response.status).toBe(428);
    });

    it('answers 412 with the current ETag when If-Match is stale', async () => {
      const claim = await inReview();
      const response = await transition(
        app.url,
        secondEditor,
        { ...claim, version: 1 },
        'withdrawn',
        'x',
      );
      expect(response.status).toBe(412);
      expect(response.body.type).toBe(PROBLEM + 'stale-version');
      expect(response.headers.get('etag')).toBe('"2"');
    });

    it('answers 404 for an unknown or malformed claim id', async () => {
      const unknown = { id: '7d1f6a52-3a0b-4f44-9a0e-2f1d4c9b8e11', version: 1 };
      expect((await transition(app.url, editor, unknown, 'in_review')).status).toBe(404);
      expect(
        (await transition(app.url, editor, { id: 'nope', version: 1 }, 'in_review')).status,
      ).toBe(404);
    });

    it('answers 401 without a token', async () => {
      const claim = await submitted();
      const response = await client(app.url).post(`/api/v1/claims/${claim.id}/transitions`, {
        body: { to: 'in_review' },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(401);
    });

    it('answers 400 for an unknown status or an unknown field', async () => {
      const claim = await submitted();
      const unknownStatus = await transition(app.url, editor, claim, 'approved');
      expect(unknownStatus.status).toBe(400);
      expect(unknownStatus.body.errors[0].field).toBe('to');
      const unknownField = await client(app.url, editor.token).post(
        `/api/v1/claims/${claim.id}/transitions`,
        { body: { to: 'in_review', force: true }, headers: { 'if-match': '"1"' } },
      );
      expect(unknownField.status).toBe(400);
      expect(unknownField.body.errors[0].field).toBe('force');
    });

    it('rejects a rationale over 5,000 characters or containing NUL', async () => {
      const claim = await inReview();
      const long = await transition(app.url, secondEditor, claim, 'unverifiable', 'x'.repeat(5001));
      expect(long.status).toBe(400);
      const nul = await transition(app.url, secondEditor, claim, 'unverifiable', 'a\u0000b');
      expect(nul.status).toBe(400);
      expect(nul.body.errors).toEqual([
        { field: 'rationale', message: 'must not contain NUL characters' },
      ]);
    });
  });
});

describe('evidence rule with VERIFY_MIN_SUPPORTING_SOURCES=2', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    app = await startApp({ env: { VERIFY_MIN_SUPPORTING_SOURCES: '2' } });
    ({ reporter, editor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  it('needs as many supporting sources as configured to verify', async () => {
    let claim = await move(app.url, editor, await submitClaim(app.url, reporter), 'in_review');
    claim = await attachSource(app.url, editor, claim, 'supports');
    const short = await transition(app.url, editor, claim, 'verified', 'One source.');
    expect(short.status).toBe(422);
    expect(short.body).toMatchObject({
      rule: 'VERIFY_MIN_SUPPORTING_SOURCES',
      required: 2,
      attached: 1,
    });
    claim = await attachSource(app.url, editor, claim, 'supports');
    expect((await transition(app.url, editor, claim, 'verified', 'Two sources.')).status).toBe(200);
  });
});
