import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { insertClaim } from './support/history.js';

const PUBLIC_ORIGIN = 'https://factcheck.example.org';

describe('GET /claims/:id/claimreview', () => {
  let app: AppProcess;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  const decidedAt = '2026-03-02T10:15:00.000Z';

  // A decided claim written directly, with one supporting source attached.
  const decidedClaim = (status: string, overrides: Record<string, unknown> = {}) =>
    withDatabase(async (db) => {
      const claimId = await insertClaim(db, people.reporter.id, {
        text: 'More than 2,000 civilians have died in Mariupol.',
        claimant: "Ukraine's State Emergency Service",
        claimed_at: '2026-03-01',
        appearance_url: 'https://news.example.org/mariupol',
        status,
        rationale: 'Two independent counts agree.',
        decided_by: people.editor.id,
        decided_at: decidedAt,
        ...overrides,
      });
      const { rows } = await db.query(
        `INSERT INTO sources (kind, title, url, normalized_url, publisher, created_by)
         VALUES ('official_statement', 'SES statement', $1, $1, 'SES', $2) RETURNING id`,
        [`https://ses.example.gov/${randomUUID()}`, people.editor.id],
      );
      await db.query(
        `INSERT INTO claim_sources (claim_id, source_id, stance, attached_by)
         VALUES ($1, $2, 'supports', $3)`,
        [claimId, rows[0].id, people.editor.id],
      );
      return claimId;
    });

  beforeAll(async () => {
    app = await startApp({
      env: { NEWSROOM_NAME: 'The Daily Ledger', PUBLIC_BASE_URL: PUBLIC_ORIGIN },
    });
    people = await createNewsroom(app.url);
  });
  afterAll(() => app.stop());

  it('describes a verified claim as schema.org ClaimReview JSON-LD', async () => {
    const claimId = await decidedClaim('verified');
    const response = await client(app.url, people.reporter.token).get(
      `/api/v1/claims/${claimId}/claimreview`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/ld+json');
    expect(response.body).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      url: `${PUBLIC_ORIGIN}/api/v1/claims/${claimId}/claimreview`,
      claimReviewed: 'More than 2,000 civilians have died in Mariupol.',
      itemReviewed: {
        '@type': 'Claim',
        author: { '@type': 'Organization', name: "Ukraine's State Emergency Service" },
        datePublished: '2026-03-01',
        appearance: [{ '@type': 'CreativeWork', url: 'https://news.example.org/mariupol' }],
      },
      author: { '@type': 'Organization', name: 'The Daily Ledger' },
      datePublished: decidedAt,
      reviewRating: {
        '@type': 'Rating',
        ratingValue: 5,
        bestRating: 5,
        worstRating: 1,
        alternateName: 'Verified',
        ratingExplanation: 'Two independent counts agree.',
      },
      citation: [
        {
          '@type': 'CreativeWork',
          name: 'SES statement',
          url: expect.stringMatching(/^https:\/\/ses\.example\.gov\//),
          publisher: { '@type': 'Organization', name: 'SES' },
        },
      ],
    });
  });

  it.each([
    ['refuted', 1, 'Refuted'],
    ['disputed', 2, 'Disputed'],
    ['unverifiable', 3, 'Unverifiable'],
  ])('rates a %s claim %i (%s)', async (status, value, name) => {
    const claimId = await decidedClaim(status, { claimant: 'Mayor Vadym Boychenko' });
    const { body } = await client(app.url, people.auditor.token).get(
      `/api/v1/claims/${claimId}/claimreview`,
    );
    expect(body.reviewRating).toMatchObject({ ratingValue: value, alternateName: name });
    expect(body.itemReviewed.author).toEqual({ '@type': 'Person', name: 'Mayor Vadym Boychenko' });
  });

  it('builds its url from PUBLIC_BASE_URL whatever Host and X-Forwarded-* say', async () => {
    const claimId = await decidedClaim('verified');
    const { body } = await client(app.url, people.reporter.token).get(
      `/api/v1/claims/${claimId}/claimreview`,
      {
        headers: {
          host: 'evil.example',
          'x-forwarded-host': 'javascript:alert(1)//evil.example',
          'x-forwarded-proto': 'javascript',
          forwarded: 'host=evil.example;proto=javascript',
        },
      },
    );
    expect(body.url).toBe(`${PUBLIC_ORIGIN}/api/v1/claims/${claimId}/claimreview`);
  });

  it('answers 409 for a claim that is not decided', async () => {
    const claimId = await withDatabase((db) => insertClaim(db, people.reporter.id));
    const response = await client(app.url, people.editor.token).get(
      `/api/v1/claims/${claimId}/claimreview`,
    );
    expect(response.status).toBe(409);
    expect(response.body.detail).toContain('submitted');
  });

  it('answers 404 for an unknown or malformed id, and 401 without a token', async () => {
    const reader = client(app.url, people.reporter.token);
    expect((await reader.get(`/api/v1/claims/${randomUUID()}/claimreview`)).status).toBe(404);
    expect((await reader.get('/api/v1/claims/nope/claimreview')).status).toBe(404);
    expect((await client(app.url).get(`/api/v1/claims/${randomUUID()}/claimreview`)).status).toBe(
      401,
    );
  });
});
