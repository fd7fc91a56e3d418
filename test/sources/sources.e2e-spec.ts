import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { attachSource, move, submitClaim } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';

const PROBLEM = 'https://claimdesk.dev/problems/';

describe('sources and evidence', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let auditor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, auditor } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const page = () => `https://news.example.org/${randomBytes(6).toString('hex')}`;

  describe('POST /sources', () => {
    it('creates a source with its URL normalised', async () => {
      const url = page();
      const response = await as(reporter).post('/api/v1/sources', {
        body: {
          kind: 'official_statement',
          title: 'SES casualty update',
          url: `${url.replace('news.example.org', 'NEWS.Example.ORG')}?utm_source=tw&id=3#top`,
          publisher: "Ukraine's State Emergency Service",
          publishedAt: '2022-03-02T09:00:00Z',
        },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('location')).toBe(`/api/v1/sources/${response.body.id}`);
      expect(response.body).toMatchObject({
        kind: 'official_statement',
        url: `${url}?id=3`,
        publishedAt: '2022-03-02T09:00:00.000Z',
        createdBy: reporter.id,
      });
    });

    it('returns the existing source for a known URL, however it is dressed', async () => {
      const url = page();
      const first = await as(reporter).post('/api/v1/sources', {
        body: { kind: 'media_report', title: 'First', url },
      });
      const again = await as(editor).post('/api/v1/sources', {
        body: { kind: 'document', title: 'Second', url: `${url}?fbclid=x&gclid=y#frag` },
      });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });

    it('agrees on one source when the same URL arrives concurrently', async () => {
      const url = page();
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          as(reporter).post('/api/v1/sources', { body: { kind: 'other', title: 'Race', url } }),
        ),
      );
      expect(new Set(responses.map((response) => response.body.id)).size).toBe(1);
      expect(responses.filter((response) => response.status === 201)).toHaveLength(1);
    });

    it.each([
      ['kind', { kind: 'rumour', title: 'x' }],
      ['title', { kind: 'other', title: '' }],
      ['title', { kind: 'other', title: 'x'.repeat(501) }],
      ['title', { kind: 'other', title: 'a\u0000b' }],
      ['url', { kind: 'other', title: 'x', url: 'javascript:alert(1)' }],
      ['url', { kind: 'other', title: 'x', url: 'ftp://example.org/a' }],
      ['notes', { kind: 'other', title: 'x', notes: 'x'.repeat(5001) }],
    ])('answers 400 naming %s', async (field, body) => {
      const response = await as(reporter).post('/api/v1/sources', { body });
      expect(response.status).toBe(400);
      expect(response.body.errors[0].field).toBe(field);
    });

    it('refuses auditors', async () => {
      const response = await as(auditor).post('/api/v1/sources', {
        body: { kind: 'other', title: 'x' },
      });
      expect(response.status).toBe(403);
    });
  });

  describe('GET /sources and /sources/:id', () => {
    it('finds a source by URL and lists the claims that cite it, with stance', async () => {
      const url = page();
      const claim = await submitClaim(app.url, reporter);
      const withSource = await attachSource(app.url, reporter, claim, 'contradicts', { url });
      const sourceId = withSource.sources[0].id;

      const found = await as(auditor).get(`/api/v1/sources?url=${encodeURIComponent(url + '#x')}`);
      expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([sourceId]);

      const detail = await as(auditor).get(`/api/v1/sources/${sourceId}`);
      expect(detail.status).toBe(200);
      expect(detail.body.claims).toEqual([
        { id: claim.id, text: claim.text, status: 'submitted', stance: 'contradicts', note: null },
      ]);
    });

    it('pages through sources newest first', async () => {
      const first = await as(auditor).get('/api/v1/sources?limit=2');
      expect(first.body.items).toHaveLength(2);
      const second = await as(auditor).get(
        `/api/v1/sources?limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(second.status).toBe(200);
      const firstIds = first.body.items.map((s: { id: string }) => s.id);
      for (const item of second.body.items) expect(firstIds).not.toContain(item.id);
    });

    it('answers 404 for an unknown source', async () => {
      expect((await as(auditor).get(`/api/v1/sources/${randomUUID()}`)).status).toBe(404);
    });
  });

  describe('attaching and detaching evidence', () => {
    it('attaches an existing source with stance and note, bumping the claim version', async () => {
      const source = await as(editor).post('/api/v1/sources', {
        body: { kind: 'dataset', title: 'UN voting record', url: page() },
      });
      const claim = await submitClaim(app.url, reporter);
      const response = await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, {
        body: { sourceId: source.body.id, stance: 'supports', note: 'Lists all 141 yes votes.' },
        headers: { 'if-match': '"1"' },
      });
      expect(response.status).toBe(201);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(response.body.sources).toEqual([
        expect.objectContaining({
          id: source.body.id,
          stance: 'supports',
          note: 'Lists all 141 yes votes.',
          attachedBy: reporter.id,
        }),
      ]);
      const read = await as(auditor).get(`/api/v1/claims/${claim.id}`);
      expect(read.body.sources).toEqual(response.body.sources);
    });

    it('detaches a source with 204', async () => {
      const claim = await attachSource(
        app.url,
        reporter,
        await submitClaim(app.url, reporter),
        'context',
      );
      const response = await as(reporter).delete(
        `/api/v1/claims/${claim.id}/sources/${claim.sources[0].id}`,
        { headers: { 'if-match': `"${claim.version}"` } },
      );
      expect(response.status).toBe(204);
      const read = await as(auditor).get(`/api/v1/claims/${claim.id}`);
      expect(read.body).toMatchObject({ sources: [], version: claim.version + 1 });
    });

    it('answers 409 for attaching a source twice', async () => {
      const claim = await attachSource(
        app.url,
        reporter,
        await submitClaim(app.url, reporter),
        'supports',
      );
      const again = await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, {
        body: { sourceId: claim.sources[0].id, stance: 'contradicts' },
      });
      expect(again.status).toBe(409);
    });

    it('freezes evidence on a decided claim (409) until it is reopened', async () => {
      let claim = await move(app.url, editor, await submitClaim(app.url, reporter), 'in_review');
      claim = await attachSource(app.url, editor, claim, 'supports');
      claim = await move(app.url, editor, claim, 'verified');
      const attach = await as(editor).post(`/api/v1/claims/${claim.id}/sources`, {
        body: { source: { kind: 'other', title: 'Late' }, stance: 'context' },
      });
      expect(attach.status).toBe(409);
      expect(attach.body.type).toBe(PROBLEM + 'claim-decided');
      const detach = await as(editor).delete(
        `/api/v1/claims/${claim.id}/sources/${claim.sources[0].id}`,
      );
      expect(detach.status).toBe(409);

      const secondEditor = await createUser(app.url, ['editor']);
      const reopened = await move(
        app.url,
        secondEditor,
        claim,
        'in_review',
        'New evidence came in.',
      );
      const after = await as(editor).delete(
        `/api/v1/claims/${reopened.id}/sources/${claim.sources[0].id}`,
      );
      expect(after.status).toBe(204);
    });

    it('lets a reporter change evidence only on their own claims; editors on any', async () => {
      const other = await createUser(app.url, ['reporter']);
      const claim = await submitClaim(app.url, reporter);
      const body = { source: { kind: 'other', title: 'Note' }, stance: 'context' };
      expect((await as(other).post(`/api/v1/claims/${claim.id}/sources`, { body })).status).toBe(
        403,
      );
      expect((await as(auditor).post(`/api/v1/claims/${claim.id}/sources`, { body })).status).toBe(
        403,
      );
      expect((await as(editor).post(`/api/v1/claims/${claim.id}/sources`, { body })).status).toBe(
        201,
      );
    });

    it('answers 412 for a stale If-Match and accepts none', async () => {
      const claim = await submitClaim(app.url, reporter);
      const body = { source: { kind: 'other', title: 'Note' }, stance: 'context' };
      const stale = await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, {
        body,
        headers: { 'if-match': '"7"' },
      });
      expect(stale.status).toBe(412);
      expect((await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, { body })).status).toBe(
        201,
      );
    });

    it('answers 400 without exactly one of sourceId and source, or with a bad stance', async () => {
      const claim = await submitClaim(app.url, reporter);
      const path = `/api/v1/claims/${claim.id}/sources`;
      expect((await as(reporter).post(path, { body: { stance: 'supports' } })).status).toBe(400);
      const both = await as(reporter).post(path, {
        body: { sourceId: randomUUID(), source: { kind: 'other', title: 'x' }, stance: 'supports' },
      });
      expect(both.status).toBe(400);
      const stance = await as(reporter).post(path, {
        body: { source: { kind: 'other', title: 'x' }, stance: 'agrees' },
      });
      expect(stance.body.errors[0].field).toBe('stance');
    });

    it('answers 404 for unknown claims, 422 for unknown sources, 404 for detaching what is not attached', async () => {
      const claim = await submitClaim(app.url, reporter);
      const unknownClaim = await as(reporter).post(`/api/v1/claims/${randomUUID()}/sources`, {
        body: { source: { kind: 'other', title: 'x' }, stance: 'context' },
      });
      expect(unknownClaim.status).toBe(404);
      const unknownSource = await as(reporter).post(`/api/v1/claims/${claim.id}/sources`, {
        body: { sourceId: randomUUID(), stance: 'context' },
      });
      expect(unknownSource.status).toBe(422);
      const notAttached = await as(reporter).delete(
        `/api/v1/claims/${claim.id}/sources/${randomUUID()}`,
      );
      expect(notAttached.status).toBe(404);
    });
  });
});
