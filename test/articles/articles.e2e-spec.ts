import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { type ApiResponse, client } from '../support/http.js';
import { move } from '../support/claims.js';
import { createNewsroom, TestUser } from '../support/people.js';

const PROBLEM = 'https://claimdesk.dev/problems/';
const FIXTURE = readFileSync(
  resolve('test/articles/fixtures/article-kherson-mariupol.txt'),
  'utf8',
);
const SES_SENTENCE =
  'So far, Ukraine’s State Emergency Service has said more than 2,000 civilians have died, ' +
  'though it was impossible to verify that claim.';

interface Candidate {
  sentence: string;
  span: { start: number; end: number };
  claimant: string | null;
  figures: { text: string; value: number; qualifier: string | null }[];
  hedges: string[];
  checkworthiness: number;
  duplicates: { claimId: string; similarity: number }[];
  filed: { claimId: string; status: string }[];
}

// Each ingest gets its own headline, so specs sharing the database can tell articles apart.
const article = (overrides: Record<string, unknown> = {}) => ({
  text: FIXTURE,
  title: `Russians seize Kherson, besiege Mariupol ${randomBytes(4).toString('hex')}`,
  url: 'https://www.newsnationnow.com/world/war-in-ukraine/',
  outlet: 'Associated Press',
  publishedAt: '2022-03-02T18:00:00Z',
  ...overrides,
});

describe('articles API (SPEC §7)', () => {
  let app: AppProcess;
  let reporter: TestUser;
  let editor: TestUser;
  let auditor: TestUser;
  let admin: TestUser;

  beforeAll(async () => {
    app = await startApp();
    ({ reporter, editor, auditor, admin } = await createNewsroom(app.url));
  });
  afterAll(() => app.stop());

  const as = (who: TestUser) => client(app.url, who.token);
  const ingest = (who: TestUser, body: unknown, headers?: Record<string, string>) =>
    as(who).post('/api/v1/articles', { body, headers });
  const sesCandidate = (candidates: Candidate[]) =>
    candidates.find((c) => c.sentence === SES_SENTENCE)!;

  describe('POST /articles', () => {
    it('stores the article and answers 201 with Location, the article and its candidates', async () => {
      const body = article();
      const response = await ingest(reporter, body);
      expect(response.status).toBe(201);
      const { article: stored, candidates } = response.body;
      expect(response.headers.get('location')).toBe(`/api/v1/articles/${stored.id}`);
      expect(stored).toEqual({
        id: expect.any(String),
        title: body.title,
        url: body.url,
        outlet: body.outlet,
        publishedAt: '2022-03-02T18:00:00.000Z',
        language: 'en',
        text: FIXTURE,
        submittedBy: reporter.id,
        createdAt: expect.any(String),
      });
      expect(candidates.length).toBeGreaterThan(10);
      for (const c of candidates as Candidate[]) {
        expect(Object.keys(c).sort()).toEqual([
          'checkworthiness',
          'claimant',
          'duplicates',
          'figures',
          'filed',
          'hedges',
          'sentence',
          'span',
        ]);
        expect(c.filed).toEqual([]);
        expect(c.checkworthiness).toBeGreaterThan(0);
        expect(c.checkworthiness).toBeLessThanOrEqual(1);
      }
    });

    it('extracts the State Emergency Service toll with its claimant, figure and hedge', async () => {
      const response = await ingest(reporter, article());
      expect(sesCandidate(response.body.candidates)).toMatchObject({
        claimant: 'Ukraine’s State Emergency Service',
        figures: [{ text: 'more than 2,000', value: 2000, qualifier: 'more_than' }],
        hedges: ['impossible to verify'],
      });
    });

    it('gives spans that slice the stored text to exactly each sentence', async () => {
      const response = await ingest(editor, article());
      const { rows } = await withDatabase((db) =>
        db.query('SELECT text, candidates FROM articles WHERE id = $1', [response.body.article.id]),
      );
      const stored = rows[0] as {
        text: string;
        candidates: Omit<Candidate, 'duplicates' | 'filed'>[];
      };
      expect(stored.text).toBe(FIXTURE);
      const candidates = response.body.candidates as Candidate[];
      for (const c of candidates) {
        expect(stored.text.slice(c.span.start, c.span.end)).toBe(c.sentence);
      }
      // The candidates are stored with the article; duplicates and the claims filed from
      // them are not (they are looked up at every read).
      expect(stored.candidates).toEqual(
        candidates.map(({ duplicates: _, filed: __, ...rest }) => rest),
      );
    });

    it('keeps the text verbatim and spans exact with characters outside the BMP and CRLF', async () => {
      const text =
        '  🇺🇦 Kyiv 📰 — officials said 1,200 people were evacuated on Monday.\r\n' +
        'The mayor’s office told reporters that “at least 37 shelters” 😀 had opened.\r\n';
      const response = await ingest(reporter, article({ text }));
      expect(response.status).toBe(201);
      expect(response.body.article.text).toBe(text);
      const candidates = response.body.candidates as Candidate[];
      expect(candidates.length).toBe(2);
      for (const c of candidates) expect(text.slice(c.span.start, c.span.end)).toBe(c.sentence);
    });

    it('accepts an editor as well as a reporter', async () => {
      expect((await ingest(editor, article())).status).toBe(201);
    });
  });

  describe('duplicates', () => {
    it('flags an existing near-identical claim and not an unrelated one', async () => {
      const nearIdentical = await as(reporter).post('/api/v1/claims', {
        body: {
          text: 'Ukraine’s State Emergency Service has said more than 2,000 civilians have died.',
        },
      });
      const unrelated = await as(reporter).post('/api/v1/claims', {
        body: { text: `The city council approved a new bus depot ${randomUUID()}.` },
      });
      expect([nearIdentical.status, unrelated.status]).toEqual([201, 201]);

      const response = await ingest(reporter, article());
      const candidates = response.body.candidates as Candidate[];
      const flagged = sesCandidate(candidates).duplicates;
      const match = flagged.find((d) => d.claimId === nearIdentical.body.id);
      expect(match?.similarity).toBeGreaterThanOrEqual(0.5);
      expect(match?.similarity).toBeLessThanOrEqual(1);
      for (const c of candidates) {
        const ids = c.duplicates.map((d) => d.claimId);
        expect(ids).not.toContain(unrelated.body.id);
        if (c !== sesCandidate(candidates)) expect(ids).not.toContain(nearIdentical.body.id);
        for (const d of c.duplicates) expect(d.similarity).toBeGreaterThanOrEqual(0.5);
      }
    });

    it('recomputes duplicates on read, so a claim made after ingest shows up', async () => {
      const ingested = await ingest(reporter, article());
      const id = ingested.body.article.id as string;
      const before = sesCandidate(ingested.body.candidates).duplicates.map((d) => d.claimId);
      const claim = await as(editor).post('/api/v1/claims', {
        body: { text: `${SES_SENTENCE} ${randomBytes(2).toString('hex')}` },
      });
      expect(before).not.toContain(claim.body.id);

      const read = await as(auditor).get(`/api/v1/articles/${id}`);
      const after = sesCandidate(read.body.candidates).duplicates.map((d) => d.claimId);
      expect(after).toContain(claim.body.id);
    });
  });

  describe('turning a candidate into a claim', () => {
    it('records the article and span on the claim, and GET /claims/:id shows them', async () => {
      const ingested = await ingest(reporter, article());
      const { article: stored, candidates } = ingested.body;
      const candidate = sesCandidate(candidates);

      const submitted = await as(reporter).post('/api/v1/claims', {
        body: {
          text: candidate.sentence,
          claimant: candidate.claimant,
          articleId: stored.id,
          span: candidate.span,
        },
      });
      expect(submitted.status).toBe(201);

      const read = await as(auditor).get(`/api/v1/claims/${submitted.body.id}`);
      expect(read.status).toBe(200);
      expect(read.body).toMatchObject({
        text: SES_SENTENCE,
        claimant: 'Ukraine’s State Emergency Service',
        articleId: stored.id,
        span: candidate.span,
      });
      expect(stored.text.slice(read.body.span.start, read.body.span.end)).toBe(read.body.text);

      // The article now lists that claim as filed from the candidate it came from, not as
      // a duplicate of it; the other candidates have nothing filed.
      const reread = await as(reporter).get(`/api/v1/articles/${stored.id}`);
      const again = sesCandidate(reread.body.candidates);
      expect(again.filed).toEqual([{ claimId: submitted.body.id, status: 'submitted' }]);
      expect(again.duplicates.map((d) => d.claimId)).not.toContain(submitted.body.id);
      for (const other of reread.body.candidates as Candidate[]) {
        if (other !== again) expect(other.filed).toEqual([]);
      }
    });

    it('shows a second claim filed from the same candidate, and the claims’ statuses as they move', async () => {
      const ingested = await ingest(reporter, article());
      const { article: stored, candidates } = ingested.body;
      const candidate = sesCandidate(candidates);
      const file = async (who: TestUser) => {
        const response = await as(who).post('/api/v1/claims', {
          body: { text: candidate.sentence, articleId: stored.id, span: candidate.span },
        });
        expect(response.status).toBe(201);
        return response.body as { id: string; version: number };
      };
      const first = await file(reporter);
      const second = await file(editor);
      await move(app.url, editor, first, 'in_review');

      const read = await as(auditor).get(`/api/v1/articles/${stored.id}`);
      expect(sesCandidate(read.body.candidates).filed).toEqual([
        { claimId: first.id, status: 'in_review' },
        { claimId: second.id, status: 'submitted' },
      ]);
    });

    it('accepts a span ending at the last character of an article with emoji (UTF-16 offsets)', async () => {
      const text = '😀 Officials said 12 people were hurt.';
      const ingested = await ingest(reporter, article({ text }));
      const sentence = 'Officials said 12 people were hurt.';
      const start = text.indexOf(sentence);
      const submitted = await as(reporter).post('/api/v1/claims', {
        body: {
          text: sentence,
          articleId: ingested.body.article.id,
          span: { start, end: start + sentence.length },
        },
      });
      expect(submitted.status).toBe(201);
      expect(text.slice(submitted.body.span.start, submitted.body.span.end)).toBe(sentence);
    });

    it('refuses a span past the end of the article and an unknown article', async () => {
      const ingested = await ingest(reporter, article({ text: SES_SENTENCE }));
      const id = ingested.body.article.id as string;
      const pastEnd = await as(reporter).post('/api/v1/claims', {
        body: {
          text: SES_SENTENCE,
          articleId: id,
          span: { start: 0, end: SES_SENTENCE.length + 1 },
        },
      });
      expect(pastEnd.status).toBe(422);
      expect(pastEnd.body.errors).toEqual([expect.objectContaining({ field: 'span' })]);

      const unknown = await as(reporter).post('/api/v1/claims', {
        body: { text: SES_SENTENCE, articleId: randomUUID(), span: { start: 0, end: 10 } },
      });
      expect(unknown.status).toBe(422);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'articleId' })]);
    });
  });

  describe('idempotency', () => {
    it('replays the original 201 for a retry with the same key and body, storing one article', async () => {
      const key = `ingest-${randomUUID()}`;
      const body = article();
      const first = await ingest(reporter, body, { 'idempotency-key': key });
      const retry = await ingest(reporter, body, { 'idempotency-key': key });
      expect(first.status).toBe(201);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.headers.get('location')).toBe(first.headers.get('location'));
      expect(retry.body).toEqual(first.body);

      const { rows } = await withDatabase((db) =>
        db.query('SELECT count(*)::int AS n FROM articles WHERE title = $1', [body.title]),
      );
      expect(rows[0].n).toBe(1);
    });

    it('answers 422 when the key is reused with a different body', async () => {
      const key = `ingest-${randomUUID()}`;
      expect((await ingest(reporter, article(), { 'idempotency-key': key })).status).toBe(201);
      const reused = await ingest(reporter, article(), { 'idempotency-key': key });
      expect(reused.status).toBe(422);
      expect(reused.body.type).toBe(`${PROBLEM}idempotency-key-reused`);
    });
  });

  describe('validation and size', () => {
    const expectFieldProblem = (
      response: { status: number; body: { type: string; errors: unknown[] } },
      field: string,
    ) => {
      expect(response.status).toBe(400);
      expect(response.body.type).toBe(`${PROBLEM}validation`);
      expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
    };

    it('accepts exactly 200,000 characters', async () => {
      const text = `${'Officials said 12 people were hurt. '.repeat(5556)}`.slice(0, 200_000);
      const response = await ingest(reporter, article({ text }));
      expect(response.status).toBe(201);
      expect(response.body.article.text).toHaveLength(200_000);
    });

    it('counts characters, not UTF-16 units: 200,000 emoji (800 kB of UTF-8) are accepted', async () => {
      const text = '😀'.repeat(200_000);
      const response = await ingest(reporter, article({ text }));
      expect(response.status).toBe(201);
      expect(response.body.article.text).toBe(text);
    });

    it('answers 400 naming text for 200,001 characters, multi-byte or not', async () => {
      expectFieldProblem(await ingest(reporter, article({ text: 'a'.repeat(200_001) })), 'text');
      expectFieldProblem(await ingest(reporter, article({ text: 'ж'.repeat(200_001) })), 'text');
    });

    it('answers 413 for a body over BODY_LIMIT', async () => {
      const response = await ingest(reporter, article({ text: 'word '.repeat(220_000) }));
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.type).toBe(`${PROBLEM}payload-too-large`);
    });

    it('refuses NUL characters and lone surrogates in the text with a 400 naming it', async () => {
      expectFieldProblem(await ingest(reporter, article({ text: 'Ten died.\u0000' })), 'text');
      expectFieldProblem(await ingest(reporter, article({ text: 'Ten died.\uD83D' })), 'text');
      expectFieldProblem(await ingest(reporter, article({ title: 'Toll\u0000' })), 'title');
    });

    it('refuses empty or blank text, bad optional fields and unknown fields', async () => {
      expectFieldProblem(await ingest(reporter, article({ text: '' })), 'text');
      expectFieldProblem(await ingest(reporter, article({ text: ' \n\t ' })), 'text');
      expectFieldProblem(await ingest(reporter, { title: 'no text' }), 'text');
      expectFieldProblem(await ingest(reporter, article({ text: 42 })), 'text');
      expectFieldProblem(await ingest(reporter, article({ url: 'ftp://example.com/a' })), 'url');
      expectFieldProblem(
        await ingest(reporter, article({ publishedAt: '2022-02-30' })),
        'publishedAt',
      );
      expectFieldProblem(
        await ingest(reporter, article({ publishedAt: '2022-W09' })),
        'publishedAt',
      );
      expectFieldProblem(await ingest(reporter, article({ outlet: 'x'.repeat(201) })), 'outlet');
      expectFieldProblem(await ingest(reporter, article({ candidates: [] })), 'candidates');
    });
  });

  describe('roles', () => {
    it('forbids auditors and admins to ingest (403) and requires a token (401)', async () => {
      expect((await ingest(auditor, article())).status).toBe(403);
      expect((await ingest(admin, article())).status).toBe(403);
      const anonymous = await client(app.url).post('/api/v1/articles', { body: article() });
      expect(anonymous.status).toBe(401);
      const anonymousRead = await client(app.url).get(`/api/v1/articles/${randomUUID()}`);
      expect(anonymousRead.status).toBe(401);
    });
  });

  describe('GET /articles', () => {
    type Item = Record<string, unknown> & { id: string; createdAt: string };
    // Every page of the list, `limit` at a time, until the articles in `ids` are all seen.
    const pagesUntil = async (who: TestUser, limit: number, ids: string[]) => {
      const seen: Item[] = [];
      let cursor: string | null = null;
      do {
        const response: ApiResponse = await as(who).get(
          `/api/v1/articles?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(response.status).toBe(200);
        expect(response.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...(response.body.items as Item[]));
        cursor = response.body.nextCursor;
      } while (cursor && !ids.every((id) => seen.some((item) => item.id === id)));
      return seen;
    };

    it('lists articles newest first, each with an excerpt, its candidates and the claims filed from it', async () => {
      const untitled = await ingest(reporter, { text: FIXTURE });
      const titled = await ingest(editor, article());
      const candidate = sesCandidate(titled.body.candidates);
      const filed = await as(reporter).post('/api/v1/claims', {
        body: { text: candidate.sentence, articleId: titled.body.article.id, span: candidate.span },
      });
      expect(filed.status).toBe(201);

      const ids = [titled.body.article.id, untitled.body.article.id];
      const listed = await pagesUntil(auditor, 2, ids);
      const ours = listed.filter((item) => ids.includes(item.id));
      // Newest first: the titled one was ingested second.
      expect(ours.map((item) => item.id)).toEqual(ids);
      expect(ours[0]).toEqual({
        ...titled.body.article,
        text: undefined,
        excerpt: FIXTURE.slice(0, 240),
        candidateCount: titled.body.candidates.length,
        claimCount: 1,
      });
      expect(ours[1]).toMatchObject({
        title: null,
        excerpt: FIXTURE.slice(0, 240),
        candidateCount: untitled.body.candidates.length,
        claimCount: 0,
      });
      for (let i = 1; i < listed.length; i++) {
        expect(Date.parse(listed[i - 1].createdAt)).toBeGreaterThanOrEqual(
          Date.parse(listed[i].createdAt),
        );
      }
    });

    it('pages through every article once, however small the pages', async () => {
      const ingested: string[] = [];
      for (let i = 0; i < 5; i++) {
        ingested.push((await ingest(reporter, article({ text: SES_SENTENCE }))).body.article.id);
      }
      const listed = await pagesUntil(reporter, 2, ingested);
      const ids = listed.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.filter((id) => ingested.includes(id))).toEqual([...ingested].reverse());
    });

    it('finds articles by text in their headline, outlet or URL, ignoring case, with % and _ taken literally', async () => {
      const tag = randomBytes(4).toString('hex');
      const byTitle = await ingest(reporter, article({ title: `Grain corridor ${tag} reopens` }));
      const byOutlet = await ingest(reporter, article({ title: null, outlet: `Kyiv ${tag} Post` }));
      const byUrl = await ingest(
        reporter,
        article({ title: 'Other', url: `https://news.example/${tag}/100%_sure` }),
      );
      const ids = (body: { items: { id: string }[] }) => body.items.map((item) => item.id);

      const found = await as(editor).get(`/api/v1/articles?q=${tag.toUpperCase()}`);
      expect(found.status).toBe(200);
      expect(ids(found.body)).toEqual([
        byUrl.body.article.id,
        byOutlet.body.article.id,
        byTitle.body.article.id,
      ]);
      const paged = await as(editor).get(`/api/v1/articles?q=${tag}&limit=2`);
      expect(ids(paged.body)).toHaveLength(2);
      const rest = await as(editor).get(
        `/api/v1/articles?q=${tag}&limit=2&cursor=${paged.body.nextCursor}`,
      );
      expect(ids(rest.body)).toEqual([byTitle.body.article.id]);
      expect(rest.body.nextCursor).toBeNull();

      const literal = await as(editor).get(`/api/v1/articles?q=${encodeURIComponent('100%_s')}`);
      expect(ids(literal.body)).toContain(byUrl.body.article.id);
      const wildcards = await as(editor).get(`/api/v1/articles?q=${tag}${encodeURIComponent('%')}`);
      expect(wildcards.body.items).toEqual([]);
    });

    it('refuses a cursor it did not give out, a limit out of range and a search too long or empty, naming the field', async () => {
      const claimsCursor = (await as(reporter).get('/api/v1/claims?limit=1')).body.nextCursor;
      for (const [query, field] of [
        ['cursor=not-a-cursor', 'cursor'],
        [`cursor=${claimsCursor}`, 'cursor'],
        ['limit=0', 'limit'],
        ['limit=201', 'limit'],
        [`q=${'x'.repeat(201)}`, 'q'],
        ['q=', 'q'],
      ]) {
        const response = await as(reporter).get(`/api/v1/articles?${query}`);
        expect(response.status).toBe(400);
        expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
      }
    });
  });

  describe('GET /articles/:id', () => {
    it('returns the same article and candidates to any role', async () => {
      const ingested = await ingest(reporter, article());
      for (const who of [reporter, editor, auditor, admin]) {
        const read = await as(who).get(`/api/v1/articles/${ingested.body.article.id}`);
        expect(read.status).toBe(200);
        expect(read.body).toEqual(ingested.body);
      }
    });

    it('returns the article alone with candidates=false, and 400 naming candidates for a bad value', async () => {
      const ingested = await ingest(reporter, article());
      const id = ingested.body.article.id;
      const alone = await as(auditor).get(`/api/v1/articles/${id}?candidates=false`);
      expect(alone.status).toBe(200);
      expect(alone.body).toEqual({
        article: ingested.body.article,
        features: ingested.body.features,
      });
      const full = await as(auditor).get(`/api/v1/articles/${id}?candidates=true`);
      expect(full.body).toEqual(ingested.body);
      const bad = await as(auditor).get(`/api/v1/articles/${id}?candidates=no`);
      expect(bad.status).toBe(400);
      expect(bad.body.errors).toContainEqual(expect.objectContaining({ field: 'candidates' }));
      const unknownAlone = await as(auditor).get(
        `/api/v1/articles/${randomUUID()}?candidates=false`,
      );
      expect(unknownAlone.status).toBe(404);
    });

    it('answers 404 for an unknown or malformed id', async () => {
      const unknown = await as(reporter).get(`/api/v1/articles/${randomUUID()}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.type).toBe(`${PROBLEM}not-found`);
      expect((await as(reporter).get('/api/v1/articles/not-a-uuid')).status).toBe(404);
    });
  });

  describe('OpenAPI', () => {
    it('documents the endpoints, their bodies and their problems', async () => {
      const { body: doc } = await client(app.url).get('/api/openapi.json');
      const post = doc.paths['/api/v1/articles'].post;
      expect(post.requestBody.content['application/json'].schema.$ref).toContain(
        'CreateArticleDto',
      );
      expect(Object.keys(post.responses)).toEqual(
        expect.arrayContaining(['201', '400', '401', '403', '409', '413', '422']),
      );
      const get = doc.paths['/api/v1/articles/{id}'].get;
      expect(Object.keys(get.responses)).toEqual(
        expect.arrayContaining(['200', '400', '401', '404', '503']),
      );
      expect(get.parameters.map((parameter: { name: string }) => parameter.name)).toContain(
        'candidates',
      );
      expect(doc.components.schemas.CandidateView.properties).toHaveProperty('duplicates');
      expect(doc.components.schemas.CandidateView.properties).toHaveProperty('filed');
      const list = doc.paths['/api/v1/articles'].get;
      expect(list.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(
        expect.arrayContaining(['limit', 'cursor']),
      );
      expect(list.responses['200'].content['application/json'].schema.$ref).toContain(
        'ArticlePageView',
      );
      expect(Object.keys(doc.components.schemas.ArticleListItemView.properties)).not.toContain(
        'text',
      );
    });
  });
});
