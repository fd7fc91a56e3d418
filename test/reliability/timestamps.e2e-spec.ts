import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { submitClaim } from '../support/claims.js';
import { ApiResponse, client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';

// Strict input formats (SPEC §10): every timestamp parameter and field is RFC 3339. ISO 8601's
// week and ordinal dates passed class-validator's IsISO8601 and reached PostgreSQL: 500s.
const NOT_RFC_3339 = ['2022-W10-3', '2026-338', '2026-02-30'];

function expectFieldProblem(response: ApiResponse, field: string, value: string) {
  expect([value, response.status]).toEqual([value, 400]);
  expect(response.headers.get('content-type')).toContain('application/problem+json');
  expect(response.body.errors).toContainEqual(expect.objectContaining({ field }));
}

describe('timestamps are RFC 3339 everywhere', () => {
  let app: AppProcess;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  let claimId: string;

  beforeAll(async () => {
    app = await startApp();
    people = await createNewsroom(app.url);
    claimId = (await submitClaim(app.url, people.reporter)).id;
  });
  afterAll(() => app.stop());

  const query = (field: string, path: () => string, who: () => { token: string }) =>
    it(`refuses ${field} outside RFC 3339 on GET ${path.toString()}`, async () => {
      for (const value of NOT_RFC_3339) {
        const url = `${path()}?${field}=${encodeURIComponent(value)}`;
        expectFieldProblem(await client(app.url, who().token).get(url), field, value);
      }
    });
  query(
    'asOf',
    () => `/api/v1/claims/${claimId}`,
    () => people.reporter,
  );
  query(
    'createdFrom',
    () => '/api/v1/claims',
    () => people.reporter,
  );
  query(
    'createdTo',
    () => '/api/v1/claims',
    () => people.reporter,
  );
  query(
    'from',
    () => '/api/v1/audit/events',
    () => people.auditor,
  );
  query(
    'to',
    () => '/api/v1/audit/events',
    () => people.auditor,
  );

  it('refuses publishedAt outside RFC 3339 on POST /articles and POST /sources', async () => {
    const api = client(app.url, people.reporter.token);
    for (const value of NOT_RFC_3339) {
      const article = await api.post('/api/v1/articles', {
        body: { text: 'The ministry said 12 people died.', publishedAt: value },
      });
      expectFieldProblem(article, 'publishedAt', value);
      const source = await api.post('/api/v1/sources', {
        body: {
          kind: 'document',
          title: 'Report',
          url: 'https://example.org/r',
          publishedAt: value,
        },
      });
      expectFieldProblem(source, 'publishedAt', value);
    }
  });

  it('refuses claimedAt outside RFC 3339 on POST and PATCH /claims', async () => {
    const api = client(app.url, people.reporter.token);
    for (const value of NOT_RFC_3339) {
      const created = await api.post('/api/v1/claims', {
        body: { text: 'Turnout was 61%.', claimedAt: value },
      });
      expectFieldProblem(created, 'claimedAt', value);
      const patched = await api.patch(`/api/v1/claims/${claimId}`, {
        body: { claimedAt: value },
        headers: { 'if-match': '"1"' },
      });
      expectFieldProblem(patched, 'claimedAt', value);
    }
  });

  it('still accepts RFC 3339 dates and date-times', async () => {
    const reader = client(app.url, people.reporter.token);
    const at = '2026-03-02T18:00:00.000Z';
    expect((await reader.get(`/api/v1/claims?createdFrom=${at}&createdTo=2026-04-01`)).status).toBe(
      200,
    );
    expect(
      (await reader.get(`/api/v1/claims/${claimId}?asOf=2099-01-01T00:00:00%2B01:00`)).status,
    ).toBe(200);
    const article = await reader.post('/api/v1/articles', {
      body: { text: 'The ministry said 12 people died.', publishedAt: '2026-03-02' },
    });
    expect(article.status).toBe(201);
  });
});
