import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { move, submitClaim, uniqueTag } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';

const PROBLEM = 'https://claimdesk.dev/problems/';

describe('claims API (SPEC §4)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let secondEditor: TestUser;
  let auditor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, secondEditor, auditor, admin } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const ids = (page: { items: { id: string }[] }) => page.items.map((item) => item.id);

  describe('POST /claims', () => {
    it('answers 201 with Location, ETag "1" and the full claim', async () => {
      const response = await as(reporter).post('/api/v1/claims', {
        body: {
          text: '  Roughly 874,000 people have fled Ukraine.  ',
          claimant: 'the U.N. refugee agency',
          claimedAt: '2022-03-02',
          appearanceUrl: 'https://www.newsnationnow.com/world/war-in-ukraine/',
          tags: ['Refugees', 'refugees', 'ukraine'],
          priority: 'high',
        },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"1"');
      expect(response.headers.get('location')).toBe(`/api/v1/claims/${response.body.id}`);
      expect(response.body).toMatchObject({
        text: 'Roughly 874,000 people have fled Ukraine.',
        claimant: 'the U.N. refugee agency',
        claimedAt: '2022-03-02',
        tags: ['refugees', 'ukraine'],
        priority: 'high',
        status: 'submitted',
        submittedBy: reporter.id,
        assigneeId: null,
        rationale: null,
        version: 1,
        sources: [],
        span: null,
        articleId: null,
      });
    });

    it('defaults priority to normal', async () => {
      expect((await submitClaim(app.url, editor)).priority).toBe('normal');
    });

    it.each([
      ['text', { text: '' }],
      ['text', { text: 'x'.repeat(2001) }],
      ['text', { text: 'a\u0000b' }],
      ['claimant', { text: 'ok', claimant: 'x'.repeat(501) }],
      ['claimant', { text: 'ok', claimant: 'Inter\u0000fax' }],
      ['tags', { text: 'ok', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
      ['tags', { text: 'ok', tags: ['x'.repeat(51)] }],
      ['tags', { text: 'ok', tags: ['a\u0000'] }],
      ['priority', { text: 'ok', priority: 'critical' }],
      ['claimedAt', { text: 'ok', claimedAt: '2 March 2022' }],
      ['appearanceUrl', { text: 'ok', appearanceUrl: 'ftp://example.org/x' }],
      ['articleId', { text: 'ok', span: { start: 0, end: 4 } }],
      ['status', { text: 'ok', status: 'verified' }],
    ])('answers 400 naming %s for an invalid body', async (field, body) => {
      const response = await as(reporter).post('/api/v1/claims', { body });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    });

    it('answers 422 for an article that does not exist', async () => {
      const response = await as(reporter).post('/api/v1/claims', {
        body: { text: 'ok', articleId: randomUUID(), span: { start: 0, end: 2 } },
      });
      expect(response.status).toBe(422);
      expect(response.body.errors[0].field).toBe('articleId');
    });

    it('answers 403 to auditors and admins and 401 without a token', async () => {
      expect((await as(auditor).post('/api/v1/claims', { body: { text: 'x' } })).status).toBe(403);
      expect((await as(admin).post('/api/v1/claims', { body: { text: 'x' } })).status).toBe(403);
      expect((await client(app.url).post('/api/v1/claims', { body: { text: 'x' } })).status).toBe(
        401,
      );
    });
  });

  describe('GET /claims/:id', () => {
    it('answers any role with the claim and its ETag', async () => {
      // The claim as submitted, without the 201's advice about the moment of submission.
      const { claimantSuggestions, possibleDuplicates, ...claim } = await submitClaim(
        app.url,
        reporter,
      );
      expect(claimantSuggestions).toEqual([]);
      expect(Array.isArray(possibleDuplicates)).toBe(true);
      for (const who of [reporter, editor, auditor, admin]) {
        const response = await as(who).get(`/api/v1/claims/${claim.id}`);
        expect(response.status).toBe(200);
        expect(response.headers.get('etag')).toBe('"1"');
        expect(response.body).toEqual(claim);
      }
    });

    it('answers 404 for an unknown or malformed id', async () => {
      expect((await as(reporter).get(`/api/v1/claims/${randomUUID()}`)).status).toBe(404);
      expect((await as(reporter).get('/api/v1/claims/not-a-uuid')).status).toBe(404);
    });

    it('answers 400 for a malformed asOf', async () => {
      const claim = await submitClaim(app.url, reporter);
      const response = await as(reporter).get(`/api/v1/claims/${claim.id}?asOf=yesterday`);
      expect(response.status).toBe(400);
    });
  });

  describe('PATCH /claims/:id', () => {
    const patch = (who: TestUser, claim: { id: string; version: number }, body: object) =>
      as(who).patch(`/api/v1/claims/${claim.id}`, {
        body,
        headers: { 'if-match': `"${claim.version}"` },
      });

    it('lets a reporter edit their own submitted claim, bumping the version', async () => {
      const claim = await submitClaim(app.url, reporter, { claimant: 'Interfax' });
      const response = await patch(reporter, claim, {
        text: 'Corrected text.',
        claimant: null,
        tags: ['fixed'],
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body).toMatchObject({
        text: 'Corrected text.',
        claimant: null,
        tags: ['fixed'],
        version: 2,
      });
    });

    it('keeps the version when nothing changes', async () => {
      const claim = await submitClaim(app.url, reporter, { text: 'Same.' });
      const response = await patch(reporter, claim, { text: 'Same.' });
      expect(response.status).toBe(200);
      expect(response.body.version).toBe(1);
    });

    it("refuses a reporter editing someone else's claim", async () => {
      const other = await createUser(app.url, ['reporter']);
      const response = await patch(other, await submitClaim(app.url, reporter), {
        text: 'Mine now.',
      });
      expect(response.status).toBe(403);
    });

    it('refuses a reporter editing their claim once it is in review, but lets an editor', async () => {
      const claim = await move(app.url, editor, await submitClaim(app.url, reporter), 'in_review');
      expect((await patch(reporter, claim, { text: 'Late change.' })).status).toBe(403);
      const byEditor = await patch(secondEditor, claim, {
        text: 'Editor change.',
        priority: 'urgent',
      });
      expect(byEditor.status).toBe(200);
      expect(byEditor.body).toMatchObject({
        text: 'Editor change.',
        priority: 'urgent',
        version: 3,
      });
    });

    it('answers 409 for editing a decided claim', async () => {
      const inReview = await move(
        app.url,
        editor,
        await submitClaim(app.url, reporter),
        'in_review',
      );
      const decided = await move(app.url, editor, inReview, 'unverifiable');
      const response = await patch(secondEditor, decided, { text: 'Rewrite history.' });
      expect(response.status).toBe(409);
      expect(response.body.type).toBe(PROBLEM + 'claim-decided');
    });

    it('answers 409 for editing a withdrawn claim', async () => {
      const withdrawn = await move(
        app.url,
        reporter,
        await submitClaim(app.url, reporter),
        'withdrawn',
      );
      expect((await patch(editor, withdrawn, { text: 'Too late.' })).status).toBe(409);
    });

    it('answers 428 without If-Match and 412 with a stale one', async () => {
      const claim = await submitClaim(app.url, reporter);
      const missing = await as(reporter).patch(`/api/v1/claims/${claim.id}`, {
        body: { text: 'x' },
      });
      expect(missing.status).toBe(428);
      await patch(reporter, claim, { text: 'First edit.' });
      const stale = await patch(reporter, claim, { text: 'Second edit from an old copy.' });
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe('"2"');
    });

    it('answers 400 for null text, unknown fields and status changes', async () => {
      const claim = await submitClaim(app.url, reporter);
      expect((await patch(reporter, claim, { text: null })).status).toBe(400);
      expect((await patch(reporter, claim, { status: 'verified' })).status).toBe(400);
      expect((await patch(reporter, claim, { version: 7 })).status).toBe(400);
    });

    it('answers 403 to auditors and 404 for unknown claims', async () => {
      const claim = await submitClaim(app.url, reporter);
      expect((await patch(auditor, claim, { text: 'x' })).status).toBe(403);
      expect((await patch(editor, { id: randomUUID(), version: 1 }, { text: 'x' })).status).toBe(
        404,
      );
    });
  });

  describe('GET /claims filters and sorts', () => {
    let tag: string;
    let claims: Record<string, any>;

    beforeAll(async () => {
      tag = uniqueTag('list');
      const submit = (who: TestUser, input: object) =>
        submitClaim(app.url, who, { tags: [tag], ...input });
      const vote = await submit(reporter, {
        text: 'The vote on the resolution was 141-5 with 35 abstentions.',
        claimant: 'United Nations General Assembly',
        priority: 'urgent',
      });
      const troops = await submit(editor, {
        text: '498 Russian troops were killed in Ukraine.',
        claimant: "Russia's Defense Ministry",
        priority: 'high',
      });
      const kharkiv = await submit(reporter, {
        text: '21 people had been killed in Kharkiv over the previous 24 hours.',
        claimant: 'Oleg Sinehubov',
        priority: 'low',
      });
      const reviewed = await move(app.url, secondEditor, troops, 'in_review');
      claims = { vote, troops: reviewed, kharkiv };
    });

    const list = async (query: string) => {
      const response = await as(auditor).get(`/api/v1/claims?tag=${tag}&${query}`);
      expect(response.status).toBe(200);
      return ids(response.body);
    };

    it('sorts newest first by default, oldest first with sort=createdAt, by priority with -priority', async () => {
      const { vote, troops, kharkiv } = claims;
      expect(await list('')).toEqual([kharkiv.id, troops.id, vote.id]);
      expect(await list('sort=createdAt')).toEqual([vote.id, troops.id, kharkiv.id]);
      expect(await list('sort=-priority')).toEqual([vote.id, troops.id, kharkiv.id]);
    });

    it('filters by status (a comma list), priority, claimant, submitter and assignee', async () => {
      const { vote, troops, kharkiv } = claims;
      expect(await list('status=in_review')).toEqual([troops.id]);
      expect(await list('status=submitted,in_review')).toHaveLength(3);
      expect(await list('priority=urgent,low')).toEqual([kharkiv.id, vote.id]);
      expect(await list(`claimant=${encodeURIComponent("RUSSIA'S DEFENSE MINISTRY")}`)).toEqual([
        troops.id,
      ]);
      expect(await list(`submittedBy=${editor.id}`)).toEqual([troops.id]);
      expect(await list(`assigneeId=${secondEditor.id}`)).toEqual([troops.id]);
    });

    it('counts claims per status under the same filters, the submitter among them (the desk’s counts)', async () => {
      const counts = async (query: string) => {
        const response = await as(auditor).get(`/api/v1/desk/status-counts?tag=${tag}&${query}`);
        expect(response.status).toBe(200);
        return response.body.counts;
      };
      expect(await counts(`submittedBy=${editor.id}`)).toMatchObject({
        submitted: 0,
        in_review: 1,
      });
      expect(await counts(`submittedBy=${auditor.id}`)).toMatchObject({
        submitted: 0,
        in_review: 0,
      });
      const bad = await as(auditor).get('/api/v1/desk/status-counts?submittedBy=me');
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'submittedBy' }));
    });

    it('searches text and claimant in full text with q', async () => {
      const { vote, troops } = claims;
      expect(await list('q=abstentions')).toEqual([vote.id]);
      expect(await list('q=defense%20ministry')).toEqual([troops.id]);
      expect(await list('q=troops%20killed')).toEqual([troops.id]);
    });

    it('filters by creation time, from inclusive to exclusive', async () => {
      const { vote, troops } = claims;
      const from = encodeURIComponent(vote.createdAt);
      const to = encodeURIComponent(claims.kharkiv.createdAt);
      expect(await list(`createdFrom=${from}&createdTo=${to}`)).toEqual([troops.id, vote.id]);
    });

    it('answers 400 for bad query parameters', async () => {
      for (const query of [
        'status=approved',
        'sort=priority',
        'limit=0',
        'limit=201',
        'submittedBy=me',
        'createdFrom=last-week',
        'q=%00',
        'colour=red',
      ]) {
        const response = await as(auditor).get(`/api/v1/claims?${query}`);
        expect({ query, status: response.status }).toEqual({ query, status: 400 });
      }
    });

    it('answers {items, nextCursor} with at most limit items', async () => {
      const response = await as(auditor).get(`/api/v1/claims?tag=${tag}&limit=2`);
      expect(response.body.items).toHaveLength(2);
      expect(typeof response.body.nextCursor).toBe('string');
      const rest = await as(auditor).get(
        `/api/v1/claims?tag=${tag}&limit=2&cursor=${response.body.nextCursor}`,
      );
      expect(rest.body.items).toHaveLength(1);
      expect(rest.body.nextCursor).toBeNull();
    });
  });

  describe('GET /review-queue', () => {
    it('lists submitted and in_review claims, urgent first then oldest', async () => {
      const tag = uniqueTag('queue');
      const normalOld = await submitClaim(app.url, reporter, { tags: [tag] });
      const urgent = await submitClaim(app.url, reporter, { tags: [tag], priority: 'urgent' });
      const normalNew = await submitClaim(app.url, reporter, { tags: [tag] });
      const decided = await move(
        app.url,
        editor,
        await move(
          app.url,
          editor,
          await submitClaim(app.url, reporter, { tags: [tag] }),
          'in_review',
        ),
        'unverifiable',
      );
      const wanted = new Set([normalOld.id, urgent.id, normalNew.id, decided.id]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: any = await as(editor).get(
          `/api/v1/review-queue?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        for (const item of page.body.items) {
          expect(['submitted', 'in_review']).toContain(item.status);
          if (wanted.has(item.id)) seen.push(item.id);
        }
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toEqual([urgent.id, normalOld.id, normalNew.id]);
    });

    it('with mine=true lists only the claims assigned to me', async () => {
      const reviewer = await createUser(app.url, ['editor']);
      const mine = await move(app.url, reviewer, await submitClaim(app.url, reporter), 'in_review');
      await move(app.url, editor, await submitClaim(app.url, reporter), 'in_review');
      const response = await as(reviewer).get('/api/v1/review-queue?mine=true');
      expect(ids(response.body)).toEqual([mine.id]);
    });

    it('is for editors only', async () => {
      expect((await as(reporter).get('/api/v1/review-queue')).status).toBe(403);
      expect((await as(auditor).get('/api/v1/review-queue')).status).toBe(403);
    });
  });

  describe('comments', () => {
    it('lets reporters and editors comment and anyone read, oldest first', async () => {
      const claim = await submitClaim(app.url, reporter);
      const path = `/api/v1/claims/${claim.id}/comments`;
      const first = await as(reporter).post(path, { body: { body: 'Source is their Telegram.' } });
      const second = await as(editor).post(path, { body: { body: 'Asked the SES press office.' } });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(first.body).toMatchObject({
        claimId: claim.id,
        authorId: reporter.id,
        authorName: reporter.name,
      });
      const listed = await as(auditor).get(path);
      expect(listed.body.items.map((c: { body: string }) => c.body)).toEqual([
        'Source is their Telegram.',
        'Asked the SES press office.',
      ]);
      // Talking about a claim is not changing it.
      expect((await as(auditor).get(`/api/v1/claims/${claim.id}`)).body.version).toBe(1);
    });

    it('refuses auditors, empty, over-long or NUL bodies, and unknown claims', async () => {
      const claim = await submitClaim(app.url, reporter);
      const path = `/api/v1/claims/${claim.id}/comments`;
      expect((await as(auditor).post(path, { body: { body: 'x' } })).status).toBe(403);
      expect((await as(editor).post(path, { body: { body: '' } })).status).toBe(400);
      expect((await as(editor).post(path, { body: { body: 'x'.repeat(5001) } })).status).toBe(400);
      const nul = await as(editor).post(path, { body: { body: 'a\u0000' } });
      expect(nul.body.errors).toEqual([
        { field: 'body', message: 'must not contain NUL characters' },
      ]);
      const unknown = `/api/v1/claims/${randomUUID()}/comments`;
      expect((await as(editor).post(unknown, { body: { body: 'x' } })).status).toBe(404);
      expect((await as(editor).get(unknown)).status).toBe(404);
    });
  });
});
