import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { AppProcess, startApp } from '../support/app-process.js';
import { move, submitClaim } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { decidedClaim, draftOf, publishDraft } from '../support/publications.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { claimReviewValidator, jsonLdBlocks, scripts } from './support.js';

const PUBLIC_ORIGIN = 'https://factcheck.example.org';
const SPOOFED = {
  host: 'evil.example',
  'x-forwarded-host': 'evil.example',
  'x-forwarded-proto': 'javascript',
  forwarded: 'host=evil.example;proto=javascript',
};

// On a database of its own: the list's pages and the feeds are asserted in order, and other
// specs publishing at the same moment on the shared database would come between.
describe('publishing fact-checks (SPEC §12)', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppProcess;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  const validate = claimReviewValidator();
  const publicPath = (url: string) => url.replace(PUBLIC_ORIGIN, '');
  const anonymous = () => client(app.url);
  const editorApi = () => client(app.url, people.editor.token);

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({
      env: {
        DATABASE_URL: scratch.url,
        PUBLIC_BASE_URL: PUBLIC_ORIGIN,
        NEWSROOM_NAME: 'The Daily Ledger',
        NEWSROOM_URL: 'https://ledger.example.org',
        NEWSROOM_LANGUAGE: 'en-GB',
      },
    });
    people = await createNewsroom(app.url);
  });
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
  });

  it('publishes a decided claim as a public page with exactly the published ClaimReview', async () => {
    const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted');
    // A headline no other draft has, so the slug is exactly the one derived from it (a slug
    // already taken gets a suffix).
    const town = `Harwick${randomBytes(3).toString('hex')}`;
    const headline = `No, ${town} did not double its budget`;
    const slug = `no-${town.toLowerCase()}-did-not-double-its-budget`;
    const saved = await editorApi().put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(sourceId, { headline }),
      headers: SPOOFED,
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ status: 'draft', slug });
    expect(saved.body.url).toBe(`${PUBLIC_ORIGIN}/fact-checks/${slug}`);
    expect(saved.headers.get('etag')).toBe(`"${saved.body.version}"`);

    const published = await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, {
      body: {},
      headers: SPOOFED,
    });
    expect(published.status).toBe(200);
    expect(published.body.status).toBe('published');
    const [version] = published.body.versions;
    const review = version.claimReview;
    expect(validate(review)).toBe(true);
    expect(review).toMatchObject({
      '@type': 'ClaimReview',
      url: published.body.url,
      claimReviewed: claim.text,
      inLanguage: 'en-GB',
      author: {
        '@type': 'Organization',
        name: 'The Daily Ledger',
        url: 'https://ledger.example.org',
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: 'False',
        ratingValue: 1,
        bestRating: 5,
        worstRating: 1,
      },
      itemReviewed: {
        '@type': 'Claim',
        // The claim's own language (the newsroom's, as the review's here).
        inLanguage: 'en-GB',
        author: { '@type': 'Person', name: 'Mayor Ada Example' },
        datePublished: '2026-11-30',
        firstAppearance: { '@type': 'CreativeWork', url: 'https://news.example.org/interview' },
      },
    });
    expect(review.dateModified).toBeUndefined();

    const page = await anonymous().get(publicPath(published.body.url), { headers: SPOOFED });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('cache-control')).toBe('public, max-age=60');
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(page.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(page.text).toContain(headline);
    expect(page.text).toContain('<p class="verdict-value">False</p>');
    expect(page.text).toContain('Mayor Ada Example');
    expect(page.text).toContain('The Daily Ledger');
    expect(page.text).toContain(`<link rel="canonical" href="${published.body.url}"`);
    expect(page.text).toContain(`<meta property="og:title" content="${headline}"`);
    expect(page.text).toMatch(/<meta property="og:description" content="The budget grew/);
    expect(scripts(page.text)).toHaveLength(1);
    expect(jsonLdBlocks(page.text)).toEqual([review]);
    expect(page.text).not.toContain('evil.example');

    const etag = page.headers.get('etag')!;
    const revalidated = await anonymous().get(publicPath(published.body.url), {
      headers: { 'if-none-match': etag },
    });
    expect(revalidated.status).toBe(304);

    const old = await client(app.url, people.reporter.token).get(
      `/api/v1/claims/${claim.id}/claimreview`,
    );
    expect(old.status).toBe(200);
    expect(old.body).toEqual(review);
  });

  it.each([
    ['verified', 'True', 5],
    ['refuted', 'False', 1],
    ['disputed', 'Disputed', undefined],
    ['unverifiable', 'Unverifiable', undefined],
  ] as const)('rates a %s claim "%s" with number %s', async (verdict, name, value) => {
    const { claim, sourceId } = await decidedClaim(app.url, people, verdict);
    const body = await publishDraft(
      app.url,
      people.editor,
      claim.id,
      draftOf(sourceId, {
        slug: `rating-${verdict}-${randomBytes(3).toString('hex')}`,
      }),
    );
    const rating = body.versions[0].claimReview.reviewRating;
    expect(validate(body.versions[0].claimReview)).toBe(true);
    expect(rating.alternateName).toBe(name);
    expect(rating.ratingValue).toBe(value);
    if (value === undefined) {
      expect(rating).not.toHaveProperty('bestRating');
      expect(rating).not.toHaveProperty('worstRating');
    }
  });

  it('never shows the internal rationale in any public output', async () => {
    const secret = `SECRET-${randomUUID()}`;
    const { claim, sourceId } = await decidedClaim(
      app.url,
      people,
      'refuted',
      {},
      `Internal ${secret}`,
    );
    const body = await publishDraft(
      app.url,
      people.editor,
      claim.id,
      draftOf(sourceId, {
        slug: `secret-${randomBytes(3).toString('hex')}`,
      }),
    );
    const outputs = await Promise.all([
      anonymous().get(publicPath(body.url)),
      anonymous().get('/fact-checks'),
      anonymous().get('/fact-checks/feed.xml'),
      anonymous().get('/fact-checks/feed.json'),
      client(app.url, people.reporter.token).get(`/api/v1/claims/${claim.id}/claimreview`),
      editorApi().get(`/api/v1/claims/${claim.id}/publication/preview`),
    ]);
    for (const output of outputs) {
      expect(output.status).toBe(200);
      expect(output.text).toContain(claim.text);
      expect(output.text).not.toContain(secret);
    }
  });

  it('keeps the published snapshot through a reopen until a correction is published', async () => {
    const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted');
    const first = await publishDraft(
      app.url,
      people.editor,
      claim.id,
      draftOf(sourceId, {
        slug: `reopened-${randomBytes(3).toString('hex')}`,
      }),
    );
    const before = await anonymous().get(publicPath(first.url));

    const current = (await editorApi().get(`/api/v1/claims/${claim.id}`)).body;
    const reopened = await move(app.url, people.editor, current, 'in_review', 'New figures.');
    expect((await anonymous().get(publicPath(first.url))).text).toBe(before.text);
    expect(
      (await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, { body: {} }))
        .status,
    ).toBe(409);
    await move(app.url, people.editor, reopened, 'disputed', 'Now contested.');
    expect((await anonymous().get(publicPath(first.url))).text).toBe(before.text);

    const missing = await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, {
      body: {},
    });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'correction' })]);

    const note = 'New official figures show the claim is contested, not false.';
    const corrected = await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, {
      body: { correction: note },
    });
    expect(corrected.status).toBe(200);
    expect(
      corrected.body.versions.map((v: { number: number; kind: string }) => [v.number, v.kind]),
    ).toEqual([
      [1, 'publication'],
      [2, 'correction'],
    ]);
    const review = corrected.body.versions[1].claimReview;
    expect(review.reviewRating.alternateName).toBe('Disputed');
    expect(review.datePublished).toBe(first.versions[0].claimReview.datePublished);
    expect(review.dateModified).toBe(corrected.body.versions[1].publishedAt);

    const after = await anonymous().get(publicPath(first.url));
    expect(after.text).toContain('<h2>Corrections</h2>');
    expect(after.text).toContain(note);
    expect(after.text).toContain('<p class="verdict-value">Disputed</p>');
    expect(jsonLdBlocks(after.text)).toEqual([review]);

    // The audit trail proves what readers saw, version by version.
    const history = await client(app.url, people.auditor.token).get(
      `/api/v1/claims/${claim.id}/history`,
    );
    const events = history.body.items.filter((e: { type: string }) =>
      e.type.startsWith('publication.'),
    );
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'publication.published',
      'publication.corrected',
    ]);
    expect(events[0].data.claimReview).toEqual(first.versions[0].claimReview);
    expect(events[1].data).toMatchObject({ version: 2, correction: note, claimReview: review });
  });

  it('replaces a retracted fact-check with a 410 notice and withdraws it everywhere', async () => {
    const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted');
    const body = await publishDraft(
      app.url,
      people.editor,
      claim.id,
      draftOf(sourceId, {
        slug: `retracted-${randomBytes(3).toString('hex')}`,
      }),
    );
    expect(
      (await editorApi().delete(`/api/v1/claims/${claim.id}/publication`, { body: {} })).status,
    ).toBe(400);
    const retracted = await editorApi().delete(`/api/v1/claims/${claim.id}/publication`, {
      body: { reason: 'The budget figures we relied on were withdrawn by the office.' },
    });
    expect(retracted.status).toBe(200);
    expect(retracted.body.status).toBe('retracted');
    const page = await anonymous().get(publicPath(body.url));
    expect(page.status).toBe(410);
    expect(page.text).toContain('This fact-check has been retracted');
    expect(page.text).toContain('The budget figures we relied on were withdrawn');
    expect(page.text).not.toContain('verdict-value');
    expect(jsonLdBlocks(page.text)).toEqual([]);
    expect(
      (await client(app.url, people.reporter.token).get(`/api/v1/claims/${claim.id}/claimreview`))
        .status,
    ).toBe(404);
    const feed = await anonymous().get('/fact-checks/feed.json');
    expect(feed.text).not.toContain(body.url);
    const history = await client(app.url, people.auditor.token).get(
      `/api/v1/claims/${claim.id}/history`,
    );
    const last = history.body.items[history.body.items.length - 1];
    expect(last).toMatchObject({
      type: 'publication.retracted',
      data: { claimReview: body.versions[0].claimReview },
    });
    expect(
      (
        await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, {
          body: { correction: 'again' },
        })
      ).status,
    ).toBe(409);
  });

  it('refuses what cannot be published, with the field named', async () => {
    const api = editorApi();
    const open = await submitClaim(app.url, people.reporter, { claimant: 'Someone' });
    expect(
      (
        await api.put(`/api/v1/claims/${open.id}/publication`, {
          body: draftOf(randomUUID(), { citedSourceIds: [] }),
        })
      ).status,
    ).toBe(201);
    expect(
      (await api.post(`/api/v1/claims/${open.id}/publication/publish`, { body: {} })).status,
    ).toBe(409);

    const { claim: anonymousClaim, sourceId } = await decidedClaim(app.url, people, 'refuted', {
      claimant: undefined,
      appearanceUrl: undefined,
    });
    expect(
      (
        await api.put(`/api/v1/claims/${anonymousClaim.id}/publication`, {
          body: draftOf(sourceId, { slug: `anon-${randomBytes(3).toString('hex')}` }),
        })
      ).status,
    ).toBe(201);
    const noClaimant = await api.post(`/api/v1/claims/${anonymousClaim.id}/publication/publish`, {
      body: {},
    });
    expect(noClaimant.status).toBe(422);
    expect(noClaimant.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'appearanceUrl',
      'claimant',
    ]);

    const { claim, sourceId: ownSource } = await decidedClaim(app.url, people, 'refuted');
    const foreign = await api.put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(randomUUID()),
    });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'citedSourceIds' })]);
    const taken = await api.put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(ownSource, { slug: `anon-${randomBytes(3).toString('hex')}` }),
    });
    expect(taken.status).toBe(201);
    const duplicate = await api.put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(ownSource, {
        slug: (await api.get(`/api/v1/claims/${anonymousClaim.id}/publication`)).body.slug,
      }),
    });
    expect(duplicate.status).toBe(409);
    const tooLong = await api.put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(ownSource, { headline: 'x'.repeat(111), claimReviewed: 'y'.repeat(141) }),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'claimReviewed',
      'headline',
    ]);
    const stale = await api.put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(ownSource),
      headers: { 'if-match': '"999"' },
    });
    expect(stale.status).toBe(412);

    for (const who of [people.reporter, people.auditor]) {
      const other = client(app.url, who.token);
      expect(
        (await other.put(`/api/v1/claims/${claim.id}/publication`, { body: draftOf(ownSource) }))
          .status,
      ).toBe(403);
      expect(
        (await other.post(`/api/v1/claims/${claim.id}/publication/publish`, { body: {} })).status,
      ).toBe(403);
      expect((await other.get(`/api/v1/claims/${claim.id}/publication`)).status).toBe(403);
    }
    expect(
      (await client(app.url, people.admin.token).get(`/api/v1/claims/${claim.id}/publication`))
        .status,
    ).toBe(200);
  });

  it('publishes once when two editors publish at once, and replays an Idempotency-Key', async () => {
    const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted');
    await editorApi().put(`/api/v1/claims/${claim.id}/publication`, {
      body: draftOf(sourceId, { slug: `race-${randomBytes(3).toString('hex')}` }),
    });
    const editors = [people.editor, people.secondEditor, people.editor, people.secondEditor];
    const answers = await Promise.all(
      editors.map((who) =>
        client(app.url, who.token).post(`/api/v1/claims/${claim.id}/publication/publish`, {
          body: {},
        }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422, 422]);
    const corrections = await Promise.all(
      editors.map((who, index) =>
        client(app.url, who.token).post(`/api/v1/claims/${claim.id}/publication/publish`, {
          body: { correction: `Correction ${index}` },
        }),
      ),
    );
    expect(corrections.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const state = await editorApi().get(`/api/v1/claims/${claim.id}/publication`);
    expect(state.body.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3, 4, 5]);

    const key = { 'idempotency-key': `publish-${randomUUID()}` };
    const body = { correction: 'Once only.' };
    const once = await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, {
      body,
      headers: key,
    });
    const again = await editorApi().post(`/api/v1/claims/${claim.id}/publication/publish`, {
      body,
      headers: key,
    });
    expect(once.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(once.body);
    expect(
      (await editorApi().get(`/api/v1/claims/${claim.id}/publication`)).body.versions,
    ).toHaveLength(6);
  });

  it('escapes hostile claim text in the page and keeps the JSON-LD parseable', async () => {
    const text = 'The mayor said </script><script>alert(1)</script> & "more" <b>bold</b>';
    const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted', {
      text,
      claimant: '<img src=x onerror=alert(2)>',
    });
    const body = await publishDraft(
      app.url,
      people.editor,
      claim.id,
      draftOf(sourceId, {
        slug: `hostile-${randomBytes(3).toString('hex')}`,
        headline: '<i>Headline</i> </title><script>alert(3)</script>',
      }),
    );
    const page = await anonymous().get(publicPath(body.url));
    expect(scripts(page.text)).toHaveLength(1);
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).not.toContain('<img src=x');
    expect(page.text).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    const [ld] = jsonLdBlocks(page.text) as { claimReviewed: string }[];
    expect(ld.claimReviewed).toBe(text);
    expect(ld).toEqual(body.versions[0].claimReview);
  });

  it('lists, pages and feeds the published fact-checks', async () => {
    const made: { url: string; versions: { claimReview: Record<string, unknown> }[] }[] = [];
    for (let i = 0; i < 3; i++) {
      const { claim, sourceId } = await decidedClaim(app.url, people, 'refuted');
      made.push(
        await publishDraft(
          app.url,
          people.editor,
          claim.id,
          draftOf(sourceId, {
            slug: `listed-${i}-${randomBytes(3).toString('hex')}`,
            headline: `Listed fact-check ${i}`,
          }),
        ),
      );
    }
    const first = await anonymous().get('/fact-checks?limit=2');
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60');
    expect(first.text.indexOf('Listed fact-check 2')).toBeLessThan(
      first.text.indexOf('Listed fact-check 1'),
    );
    const next = /rel="next" href="([^"]+)"/.exec(first.text)![1].replace(/&amp;/g, '&');
    expect(next.startsWith(`${PUBLIC_ORIGIN}/fact-checks?cursor=`)).toBe(true);
    const second = await anonymous().get(publicPath(next));
    expect(second.text).toContain('Listed fact-check 0');
    expect(second.text).not.toContain('Listed fact-check 2');
    expect((await anonymous().get('/fact-checks?cursor=forged')).status).toBe(400);
    expect((await anonymous().get('/fact-checks/no-such-fact-check')).status).toBe(404);
    expect((await anonymous().get('/fact-checks/NOT_A_SLUG')).status).toBe(404);

    const atom = await anonymous().get('/fact-checks/feed.xml');
    expect(atom.headers.get('content-type')).toContain('application/atom+xml');
    const xml = new XMLParser({
      ignoreAttributes: false,
      isArray: (name) => name === 'entry',
    }).parse(atom.text, true);
    expect(xml.feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    for (const field of ['id', 'title', 'updated', 'author']) expect(xml.feed[field]).toBeDefined();
    const ids = xml.feed.entry.map((entry: { id: string }) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain(`${made[2].url}#version-1`);
    // The correction published earlier in this spec is an entry of its own.
    const correction = xml.feed.entry.find((entry: { summary: { '#text': string } }) =>
      entry.summary['#text'].includes('New official figures'),
    );
    expect(correction.id).toMatch(/#version-2$/);
    expect(correction.title).toMatch(/^Correction: /);
    const again = new XMLParser().parse((await anonymous().get('/fact-checks/feed.xml')).text);
    expect(again.feed.entry.map((entry: { id: string }) => entry.id)).toEqual(ids);

    const json = await anonymous().get('/fact-checks/feed.json');
    expect(json.body['@type']).toBe('DataFeed');
    const element = json.body.dataFeedElement.find((e: { url: string }) => e.url === made[2].url);
    expect({ '@context': 'https://schema.org', ...element }).toEqual(
      made[2].versions[0].claimReview,
    );
    for (const review of json.body.dataFeedElement)
      expect(validate({ '@context': 'https://schema.org', ...review })).toBe(true);
  });

  it('answers 404 for a claim never published, on the old ClaimReview endpoint too', async () => {
    const { claim } = await decidedClaim(app.url, people, 'refuted');
    expect(
      (await client(app.url, people.reporter.token).get(`/api/v1/claims/${claim.id}/claimreview`))
        .status,
    ).toBe(404);
    expect((await editorApi().get(`/api/v1/claims/${claim.id}/publication`)).status).toBe(404);
    expect((await editorApi().get(`/api/v1/claims/${randomUUID()}/publication`)).status).toBe(404);
  });
});
