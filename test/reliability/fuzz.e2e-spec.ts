import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';
import { submitClaim } from '../support/claims.js';
import {
  hostileBodyLike,
  hostileBodyText,
  hostileCursor,
  hostileId,
  hostileQuery,
  Hostile,
  JsonObject,
  runs,
  toJsonText,
  seedFor,
  nonRfc3339Timestamp,
} from './support/hostile.js';
import { send, sendHostile } from './support/problem-assertions.js';

// Property-based fuzzing of every request body, query string and path id (SPEC §10): no
// input yields a 5xx, every 4xx is problem+json that leaks nothing, and free text that the
// API accepts comes back exactly as sent. Sizes: docs/reliability.md.
const BODY_RUNS = runs(40);
const QUERY_RUNS = runs(40);
const PATH_RUNS = runs(15);
const ROUND_TRIP_RUNS = runs(30);

const uuid = fc.uuid();
const validDate = fc
  .date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((date) => date.toISOString());
// Mostly valid timestamps, sometimes ISO 8601 shapes RFC 3339 refuses (never a 500).
const isoDate = fc.oneof(
  { arbitrary: validDate, weight: 4 },
  { arbitrary: nonRfc3339Timestamp, weight: 1 },
);
const dateOnly = fc.oneof(
  { arbitrary: validDate.map((value) => value.slice(0, 10)), weight: 4 },
  { arbitrary: nonRfc3339Timestamp, weight: 1 },
);
const text = (max: number) => fc.string({ minLength: 1, maxLength: max });
// Due dates: mostly ahead (accepted), sometimes past, far ahead or not RFC 3339 (4xx).
const dueDate = fc.oneof(
  {
    arbitrary: fc
      .integer({ min: 60, max: 300 * 24 * 3600 })
      .map((seconds) => new Date(Date.now() + seconds * 1000).toISOString()),
    weight: 3,
  },
  { arbitrary: isoDate, weight: 1 },
);
const oneOf = (...values: string[]) => fc.constantFrom(...values);

const SOURCE_FIELDS: Record<string, fc.Arbitrary<Hostile>> = {
  kind: oneOf('official_statement', 'document', 'media_report', 'other'),
  title: text(80),
  url: fc.webUrl(),
  publisher: text(40),
  publishedAt: isoDate,
  notes: text(100),
};
// BCP 47 tags, canonical or not, and look-alikes that are not tags.
const languageTag = fc.oneof(
  oneOf('en', 'uk', 'uk-UA', 'EN-us', 'ukr', 'zh-Hant-TW', 'de-DE-u-co-phonebk', 'sr-Latn'),
  oneOf('x', 'en-', 'english', 'en_US', 'x-private', 'i-klingon', 'en--US', '12'),
  text(12),
);
const CLAIM_FIELDS: Record<string, fc.Arbitrary<Hostile>> = {
  text: text(200),
  claimant: text(60),
  claimedAt: dateOnly,
  appearanceUrl: fc.webUrl(),
  tags: fc.array(text(20), { maxLength: 4 }),
  priority: oneOf('low', 'normal', 'high', 'urgent'),
  claimantId: uuid,
  language: languageTag,
};
const CLAIMANT_FIELDS: Record<string, fc.Arbitrary<Hostile>> = {
  name: text(60),
  type: oneOf('Person', 'Organization'),
  aliases: fc.array(text(30), { maxLength: 4 }),
  sameAs: fc.array(fc.webUrl(), { maxLength: 3 }),
  description: text(100),
};
const sourceBody = fc
  .record(SOURCE_FIELDS, { requiredKeys: ['kind', 'title'] })
  .map(
    (fields) =>
      new JsonObject(
        Object.entries(fields).filter(
          (entry): entry is [string, Hostile] => entry[1] !== undefined,
        ),
      ),
  );

describe('Hostile input', () => {
  let app: AppProcess;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  let victim: TestUser;
  let claims: Record<string, { id: string }>;
  let webhook: { id: string };
  let claimant: { id: string };

  beforeAll(async () => {
    // The rate limit is proven elsewhere; here it would only turn fuzz cases into 429s.
    // Likewise the sign-in limits (SPEC §16), which would stop passkey cases before the
    // verification they are meant to reach.
    app = await startApp({
      env: {
        RATE_LIMIT_PER_MINUTE: '0',
        WEBHOOK_ALLOW_PRIVATE: 'true',
        SIGN_IN_ATTEMPTS_PER_ADDRESS: '0',
        SIGN_IN_ATTEMPTS_PER_USER: '0',
      },
    });
    people = await createNewsroom(app.url);
    victim = await createUser(app.url, ['reporter']);
    const names = [
      'patch',
      'transition',
      'comments',
      'evidence',
      'queries',
      'publication',
      'assign',
      'bulk',
      'merge',
      'mergeTarget',
    ];
    const made = await Promise.all(names.map(() => submitClaim(app.url, people.reporter)));
    claims = Object.fromEntries(names.map((name, index) => [name, made[index]]));
    claimant = (
      await client(app.url, people.editor.token).post('/api/v1/claimants', {
        body: { name: 'Hostile Input Ministry', type: 'Organization' },
      })
    ).body;
    webhook = (
      await client(app.url, ADMIN_TOKEN).post('/api/v1/webhooks', {
        body: { url: 'http://127.0.0.1:9/hook', events: ['user.created'] },
      })
    ).body;
  });

  afterAll(async () => {
    await app?.stop();
  });

  // The claim's current ETag, so that valid bodies get past If-Match to the database.
  const etagOf = async (id: string, token: string) => {
    const response = await client(app.url, token).get(`/api/v1/claims/${id}`);
    return response.headers.get('etag') ?? '"1"';
  };
  // Header values as a client can send them: Latin-1 without control characters.
  const headerChar = fc
    .integer({ min: 0x20, max: 0xff })
    .filter((code) => code !== 0x7f)
    .map((code) => String.fromCharCode(code));
  const latin1 = fc.oneof(
    fc.string({ unit: headerChar, maxLength: 30 }),
    fc.constantFrom(
      '*',
      'W/"1"',
      '"1", "2"',
      '"-1"',
      '"99999999999999999999"',
      '"1.5"',
      'x'.repeat(300),
    ),
  );

  interface BodyCase {
    name: string;
    method: string;
    path: () => string;
    token: () => string;
    fields: () => Record<string, fc.Arbitrary<Hostile>>;
    ifMatch?: boolean;
    idempotencyKey?: boolean;
  }

  const WEBHOOK_FIELDS: Record<string, fc.Arbitrary<Hostile>> = {
    url: fc.oneof(oneOf('http://127.0.0.1:9/hook', 'https://[::1]:9/x'), fc.webUrl()),
    events: fc.array(oneOf('*', 'claim.*', 'publication.*', 'comment.added', 'x.y'), {
      minLength: 1,
      maxLength: 3,
    }),
    format: oneOf('standard', 'slack'),
    filter: fc
      .record({
        priority: fc.subarray(['low', 'urgent']),
        tags: fc.array(text(20), { maxLength: 3 }),
      })
      .map((fields) => new JsonObject(Object.entries(fields) as [string, Hostile][])),
    description: text(80),
  };
  // Passkey ceremonies (SPEC §16): credentials as @simplewebauthn/browser sends them,
  // with base64url-ish fields that are mostly wrong in every way.
  const base64url = fc.oneof(
    fc.base64String({ maxLength: 200 }).map((value) => value.replace(/[+/=]/g, '')),
    text(40),
  );
  const credentialFields = (inner: Record<string, fc.Arbitrary<Hostile>>) => ({
    id: base64url,
    rawId: base64url,
    type: oneOf('public-key', 'password'),
    response: fc
      .record(inner, { requiredKeys: [] })
      .map(
        (fields) =>
          new JsonObject(
            Object.entries(fields).filter(
              (entry): entry is [string, Hostile] => entry[1] !== undefined,
            ),
          ),
      ),
    clientExtensionResults: fc.constant(new JsonObject([])),
    authenticatorAttachment: oneOf('platform', 'cross-platform', 'x'),
  });
  const bodyCases: BodyCase[] = [
    {
      name: 'POST /auth/passkeys/registration/options',
      method: 'POST',
      path: () => '/api/v1/auth/passkeys/registration/options',
      token: () => people.reporter.token,
      fields: () => ({ invitationToken: fc.oneof(base64url, text(60)) }),
    },
    {
      name: 'POST /auth/passkeys/registration/verify',
      method: 'POST',
      path: () => '/api/v1/auth/passkeys/registration/verify',
      token: () => people.reporter.token,
      fields: () => ({
        ...credentialFields({
          clientDataJSON: base64url,
          attestationObject: base64url,
          transports: fc.array(oneOf('internal', 'usb', 'x'), { maxLength: 3 }),
        }),
        label: text(70),
      }),
    },
    {
      name: 'POST /auth/passkeys/authentication/verify',
      method: 'POST',
      path: () => '/api/v1/auth/passkeys/authentication/verify',
      token: () => people.reporter.token,
      fields: () =>
        credentialFields({
          clientDataJSON: base64url,
          authenticatorData: base64url,
          signature: base64url,
          userHandle: base64url,
        }),
    },
    {
      name: 'POST /auth/passkeys/authentication/options',
      method: 'POST',
      path: () => '/api/v1/auth/passkeys/authentication/options',
      token: () => people.reporter.token,
      fields: () => ({}),
    },
    {
      name: 'POST /users/:id/invitations',
      method: 'POST',
      path: () => `/api/v1/users/${victim.id}/invitations`,
      token: () => ADMIN_TOKEN,
      fields: () => ({}),
    },
    {
      name: 'POST /auth/token-sign-in',
      method: 'POST',
      path: () => '/api/v1/auth/token-sign-in',
      token: () => people.reporter.token,
      fields: () => ({}),
    },
    {
      name: 'POST /webhooks',
      method: 'POST',
      path: () => '/api/v1/webhooks',
      token: () => ADMIN_TOKEN,
      fields: () => ({ ...WEBHOOK_FIELDS, secret: oneOf(`whsec_${'A'.repeat(40)}`, 'whsec_x') }),
    },
    {
      name: 'PATCH /webhooks/:id',
      method: 'PATCH',
      path: () => `/api/v1/webhooks/${webhook.id}`,
      token: () => ADMIN_TOKEN,
      fields: () => ({ ...WEBHOOK_FIELDS, active: fc.constant(false) }),
    },
    {
      name: 'POST /users',
      method: 'POST',
      path: () => '/api/v1/users',
      token: () => ADMIN_TOKEN,
      fields: () => ({
        name: text(60),
        email: fc.emailAddress(),
        roles: fc.subarray(['reporter', 'editor', 'auditor'], { minLength: 1 }),
      }),
    },
    {
      name: 'PATCH /users/:id',
      method: 'PATCH',
      path: () => `/api/v1/users/${victim.id}`,
      token: () => ADMIN_TOKEN,
      fields: () => ({
        name: text(60),
        roles: fc.subarray(['reporter', 'editor'], { minLength: 1 }),
        active: fc.constant(true),
      }),
    },
    {
      name: 'POST /users/:id/tokens',
      method: 'POST',
      path: () => `/api/v1/users/${victim.id}/tokens`,
      token: () => ADMIN_TOKEN,
      fields: () => ({ label: text(40) }),
    },
    {
      name: 'POST /claims',
      method: 'POST',
      path: () => '/api/v1/claims',
      token: () => people.reporter.token,
      fields: () => ({ ...CLAIM_FIELDS, articleId: uuid, span: fc.constant(null) }),
      idempotencyKey: true,
    },
    {
      name: 'PATCH /claims/:id',
      method: 'PATCH',
      path: () => `/api/v1/claims/${claims.patch.id}`,
      token: () => people.editor.token,
      fields: () => CLAIM_FIELDS,
      ifMatch: true,
    },
    {
      name: 'POST /claimants',
      method: 'POST',
      path: () => '/api/v1/claimants',
      token: () => people.editor.token,
      fields: () => CLAIMANT_FIELDS,
    },
    {
      name: 'PATCH /claimants/:id',
      method: 'PATCH',
      path: () => `/api/v1/claimants/${claimant.id}`,
      token: () => people.editor.token,
      fields: () => CLAIMANT_FIELDS,
    },
    {
      name: 'POST /claims/:id/transitions',
      method: 'POST',
      path: () => `/api/v1/claims/${claims.transition.id}/transitions`,
      token: () => people.editor.token,
      fields: () => ({
        to: oneOf('in_review', 'unverifiable', 'withdrawn', 'verified', 'submitted'),
        rationale: text(200),
      }),
      ifMatch: true,
    },
    {
      name: 'POST /claims/:id/sources',
      method: 'POST',
      path: () => `/api/v1/claims/${claims.evidence.id}/sources`,
      token: () => people.reporter.token,
      fields: () => ({
        source: sourceBody,
        sourceId: uuid,
        stance: oneOf('supports', 'contradicts', 'context'),
        note: text(80),
      }),
    },
    {
      name: 'POST /claims/:id/assignment',
      method: 'POST',
      path: () => `/api/v1/claims/${claims.assign.id}/assignment`,
      token: () => people.editor.token,
      fields: () => ({
        assigneeId: fc.oneof(fc.constantFrom(people.editor.id, people.secondEditor.id), uuid),
        dueAt: dueDate,
      }),
      ifMatch: true,
    },
    {
      name: 'POST /claims/:id/merge',
      method: 'POST',
      path: () => `/api/v1/claims/${claims.merge.id}/merge`,
      token: () => people.editor.token,
      fields: () => ({
        intoId: fc.oneof(fc.constantFrom(claims.mergeTarget.id, claims.merge.id), uuid),
        rationale: text(200),
      }),
      ifMatch: true,
    },
    {
      name: 'POST /claims/bulk',
      method: 'POST',
      path: () => '/api/v1/claims/bulk',
      token: () => people.editor.token,
      fields: () => ({
        action: oneOf(
          'assign',
          'start_review',
          'set_priority',
          'add_tags',
          'remove_tags',
          'withdraw',
        ),
        items: fc.array(
          hostileBodyLike({
            id: fc.oneof(fc.constant(claims.bulk.id), fc.constant(claims.assign.id), uuid),
            version: fc.integer({ min: 1, max: 6 }),
          }),
          { minLength: 1, maxLength: 4 },
        ),
        params: fc.oneof(
          hostileBodyLike({ assigneeId: fc.constant(people.secondEditor.id), dueAt: dueDate }),
          hostileBodyLike({ priority: oneOf('low', 'urgent') }),
          hostileBodyLike({ tags: fc.array(text(20), { maxLength: 4 }) }),
          hostileBodyLike({ rationale: text(100) }),
        ),
      }),
      idempotencyKey: true,
    },
    {
      name: 'POST /sources',
      method: 'POST',
      path: () => '/api/v1/sources',
      token: () => people.reporter.token,
      fields: () => SOURCE_FIELDS,
    },
    {
      name: 'POST /claims/:id/comments',
      method: 'POST',
      path: () => `/api/v1/claims/${claims.comments.id}/comments`,
      token: () => people.reporter.token,
      fields: () => ({ body: text(200) }),
    },
    {
      name: 'PUT /claims/:id/publication',
      method: 'PUT',
      path: () => `/api/v1/claims/${claims.publication.id}/publication`,
      token: () => people.editor.token,
      fields: () => ({
        headline: text(120),
        summary: text(300),
        claimReviewed: text(150),
        language: oneOf('en', 'pt-BR', 'x', 'en-', 'zh-Hant-TW'),
        claimantType: oneOf('Person', 'Organization', 'Thing'),
        claimantSameAs: fc.array(fc.webUrl(), { maxLength: 3 }),
        citedSourceIds: fc.array(uuid, { maxLength: 3 }),
        slug: fc.oneof(oneOf('a-good-slug', 'UPPER', '--'), text(90)),
      }),
    },
    {
      name: 'POST /claims/:id/publication/publish',
      method: 'POST',
      path: () => `/api/v1/claims/${claims.publication.id}/publication/publish`,
      token: () => people.editor.token,
      fields: () => ({ correction: text(300) }),
      idempotencyKey: true,
    },
    {
      name: 'DELETE /claims/:id/publication',
      method: 'DELETE',
      path: () => `/api/v1/claims/${claims.publication.id}/publication`,
      token: () => people.editor.token,
      fields: () => ({ reason: text(300) }),
    },
    {
      name: 'POST /articles',
      method: 'POST',
      path: () => '/api/v1/articles',
      token: () => people.reporter.token,
      fields: () => ({
        text: text(400),
        title: text(60),
        url: fc.webUrl(),
        outlet: text(40),
        publishedAt: isoDate,
        language: languageTag,
      }),
      idempotencyKey: true,
    },
  ];

  describe('request bodies', () => {
    bodyCases.forEach((testCase, index) => {
      it(`never answers a hostile body to ${testCase.name} with a 5xx or a bare error`, async () => {
        await fc.assert(
          fc.asyncProperty(
            hostileBodyText(testCase.fields()),
            fc.option(latin1, { freq: 4 }),
            async (body, hostileHeader) => {
              const headers: Record<string, string> = {};
              if (testCase.ifMatch) {
                headers['if-match'] =
                  hostileHeader ?? (await etagOf(testCase.path().split('/')[4], testCase.token()));
              }
              if (testCase.idempotencyKey && hostileHeader !== null) {
                headers['idempotency-key'] = hostileHeader;
              }
              await sendHostile(app.url, {
                method: testCase.method,
                path: testCase.path(),
                token: testCase.token(),
                body,
                headers,
              });
            },
          ),
          { numRuns: BODY_RUNS, seed: seedFor(index) },
        );
      });
    });
  });

  interface QueryCase {
    name: string;
    path: () => string;
    token: () => string;
    params: () => Record<string, fc.Arbitrary<string>>;
  }

  const page = { limit: fc.integer({ min: 1, max: 200 }).map(String), cursor: hostileCursor };
  const queryCases: QueryCase[] = [
    {
      name: 'GET /claims',
      path: () => '/api/v1/claims',
      token: () => people.reporter.token,
      params: () => ({
        ...page,
        status: oneOf('submitted', 'in_review,verified', 'withdrawn'),
        q: text(30),
        tag: text(20),
        claimant: text(30),
        claimantId: uuid,
        submittedBy: uuid,
        assigneeId: uuid,
        priority: oneOf('urgent', 'low,high'),
        createdFrom: isoDate,
        createdTo: isoDate,
        language: languageTag,
        sort: oneOf('-createdAt', 'createdAt', '-priority'),
      }),
    },
    {
      name: 'GET /claimants',
      path: () => '/api/v1/claimants',
      token: () => people.reporter.token,
      params: () => ({ ...page, q: text(30), type: oneOf('Person', 'Organization') }),
    },
    {
      name: 'GET /review-queue',
      path: () => '/api/v1/review-queue',
      token: () => people.editor.token,
      params: () => ({
        ...page,
        mine: oneOf('true', 'false'),
        status: oneOf('submitted', 'in_review'),
        priority: oneOf('urgent', 'normal,high'),
        assignee: fc.oneof(oneOf('me', 'none'), uuid),
        overdue: oneOf('true', 'false'),
        dueBefore: isoDate,
        sort: oneOf('queue', 'due'),
      }),
    },
    {
      name: 'GET /claims/:id (asOf)',
      path: () => `/api/v1/claims/${claims.queries.id}`,
      token: () => people.reporter.token,
      params: () => ({ asOf: isoDate }),
    },
    {
      name: 'GET /claims/:id/comments',
      path: () => `/api/v1/claims/${claims.comments.id}/comments`,
      token: () => people.reporter.token,
      params: () => page,
    },
    {
      name: 'GET /sources',
      path: () => '/api/v1/sources',
      token: () => people.reporter.token,
      params: () => ({ ...page, kind: oneOf('document', 'other'), url: fc.webUrl() }),
    },
    {
      name: 'GET /audit/events',
      path: () => '/api/v1/audit/events',
      token: () => people.auditor.token,
      params: () => ({
        ...page,
        claimId: uuid,
        actorId: uuid,
        type: oneOf('claim.submitted', 'comment.added'),
        from: isoDate,
        to: isoDate,
      }),
    },
    {
      name: 'GET /audit/export',
      path: () => '/api/v1/audit/export',
      token: () => people.auditor.token,
      params: () => ({
        format: oneOf('ndjson', 'csv', 'json'),
        claimId: uuid,
        type: oneOf('claim.submitted'),
        from: isoDate,
        to: isoDate,
      }),
    },
    {
      name: 'GET /webhooks/:id/deliveries',
      path: () => `/api/v1/webhooks/${webhook.id}/deliveries`,
      token: () => ADMIN_TOKEN,
      params: () => ({ ...page, status: oneOf('pending', 'failed') }),
    },
    {
      name: 'GET /fact-checks',
      path: () => '/fact-checks',
      token: () => people.reporter.token,
      params: () => page,
    },
    {
      name: 'GET /desk/status-counts',
      path: () => '/api/v1/desk/status-counts',
      token: () => people.editor.token,
      params: () => ({
        q: text(30),
        tag: text(20),
        priority: oneOf('urgent', 'low'),
        assigneeId: uuid,
        submittedBy: uuid,
        language: languageTag,
      }),
    },
    {
      name: 'GET /articles',
      path: () => '/api/v1/articles',
      token: () => people.reporter.token,
      params: () => ({ ...page, q: text(30) }),
    },
  ];

  describe('query strings', () => {
    queryCases.forEach((testCase, index) => {
      it(`never answers a hostile query to ${testCase.name} with a 5xx or a bare error`, async () => {
        await fc.assert(
          fc.asyncProperty(hostileQuery(testCase.params()), async (query) => {
            await sendHostile(app.url, {
              method: 'GET',
              path: testCase.path() + query,
              token: testCase.token(),
            });
          }),
          { numRuns: QUERY_RUNS, seed: seedFor(100 + index) },
        );
      });
    });
  });

  describe('path ids', () => {
    const routes: [string, (id: string) => string, () => string, string?][] = [
      ['GET', (id) => `/api/v1/claims/${id}`, () => people.reporter.token],
      ['PATCH', (id) => `/api/v1/claims/${id}`, () => people.editor.token, '{"text":"x"}'],
      [
        'POST',
        (id) => `/api/v1/claims/${id}/transitions`,
        () => people.editor.token,
        '{"to":"in_review"}',
      ],
      [
        'POST',
        (id) => `/api/v1/claims/${id}/assignment`,
        () => people.editor.token,
        '{"assigneeId":null}',
      ],
      [
        'POST',
        (id) => `/api/v1/claims/${id}/merge`,
        () => people.editor.token,
        `{"intoId":"${randomUUID()}","rationale":"Duplicate."}`,
      ],
      ['GET', (id) => `/api/v1/claims/${id}/history`, () => people.reporter.token],
      ['GET', (id) => `/api/v1/claims/${id}/comments`, () => people.reporter.token],
      [
        'POST',
        (id) => `/api/v1/claims/${id}/comments`,
        () => people.reporter.token,
        '{"body":"x"}',
      ],
      ['GET', (id) => `/api/v1/claims/${id}/claimreview`, () => people.reporter.token],
      ['GET', (id) => `/api/v1/claims/${id}/publication`, () => people.editor.token],
      ['GET', (id) => `/api/v1/claims/${id}/publication/preview`, () => people.editor.token],
      [
        'PUT',
        (id) => `/api/v1/claims/${id}/publication`,
        () => people.editor.token,
        '{"headline":"x","summary":"y"}',
      ],
      ['POST', (id) => `/api/v1/claims/${id}/publication/publish`, () => people.editor.token, '{}'],
      [
        'DELETE',
        (id) => `/api/v1/claims/${id}/publication`,
        () => people.editor.token,
        '{"reason":"x"}',
      ],
      [
        'POST',
        (id) => `/api/v1/claims/${id}/sources`,
        () => people.reporter.token,
        '{"stance":"context","sourceId":"00000000-0000-4000-8000-000000000000"}',
      ],
      [
        'DELETE',
        (id) => `/api/v1/claims/${claims.evidence.id}/sources/${id}`,
        () => people.reporter.token,
      ],
      [
        'DELETE',
        (id) => `/api/v1/claims/${id}/sources/${claims.evidence.id}`,
        () => people.reporter.token,
      ],
      ['GET', (id) => `/api/v1/sources/${id}`, () => people.reporter.token],
      ['GET', (id) => `/api/v1/claimants/${id}`, () => people.reporter.token],
      ['PATCH', (id) => `/api/v1/claimants/${id}`, () => people.editor.token, '{"name":"x"}'],
      ['GET', (id) => `/api/v1/articles/${id}`, () => people.reporter.token],
      ['PATCH', (id) => `/api/v1/users/${id}`, () => ADMIN_TOKEN, '{"name":"x"}'],
      ['POST', (id) => `/api/v1/users/${id}/tokens`, () => ADMIN_TOKEN, '{}'],
      ['DELETE', (id) => `/api/v1/tokens/${id}`, () => ADMIN_TOKEN],
      ['POST', (id) => `/api/v1/users/${id}/invitations`, () => ADMIN_TOKEN],
      ['GET', (id) => `/api/v1/users/${id}/sessions`, () => ADMIN_TOKEN],
      ['DELETE', (id) => `/api/v1/sessions/${id}`, () => ADMIN_TOKEN],
      ['GET', (id) => `/api/v1/users/${id}/passkeys`, () => ADMIN_TOKEN],
      ['DELETE', (id) => `/api/v1/passkeys/${id}`, () => ADMIN_TOKEN],
      ['GET', (id) => `/api/v1/webhooks/${id}`, () => ADMIN_TOKEN],
      ['PATCH', (id) => `/api/v1/webhooks/${id}`, () => ADMIN_TOKEN, '{"description":"x"}'],
      ['DELETE', (id) => `/api/v1/webhooks/${id}`, () => ADMIN_TOKEN],
      ['POST', (id) => `/api/v1/webhooks/${id}/ping`, () => ADMIN_TOKEN],
      ['GET', (id) => `/api/v1/webhooks/${id}/deliveries`, () => ADMIN_TOKEN],
      [
        'POST',
        (id) => `/api/v1/webhooks/${webhook.id}/deliveries/${id}/redeliver`,
        () => ADMIN_TOKEN,
      ],
    ];

    it('answers an id that is malformed or names nothing with a 404 problem on every route', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...routes),
          hostileId,
          async ([method, path, token, body], id) => {
            const sent = {
              method,
              path: path(encodeURIComponent(id)),
              token: token(),
              body,
              // If-Match only where it is required: where it is optional a stale one would
              // rightly be a 412 on the (existing) claim before the id is looked at.
              headers:
                method === 'PATCH' || /\/(transitions|assignment|merge)$/.test(path('x'))
                  ? { 'if-match': '"1"' }
                  : undefined,
            };
            const received = await sendHostile(app.url, sent);
            if (received.status !== 404) {
              throw new Error(`${method} ${sent.path} → ${received.status}, expected 404`);
            }
          },
        ),
        { numRuns: PATH_RUNS * routes.length, seed: seedFor(200) },
      );
    });

    it('answers a path with broken percent-encoding with a problem, not a bare error', async () => {
      for (const path of ['/api/v1/claims/%E0%A4%A', '/api/v1/claims/%', '/api/v1/sources/%zz']) {
        const received = await sendHostile(app.url, { method: 'GET', path, token: ADMIN_TOKEN });
        expect([400, 404]).toContain(received.status);
      }
    });
  });

  describe('oversized requests', () => {
    it('answers a body over BODY_LIMIT with a 413 problem', async () => {
      const body = JSON.stringify({ text: 'a'.repeat(1024 * 1024 + 10) });
      const sent = { method: 'POST', path: '/api/v1/claims', token: people.reporter.token, body };
      const received = await sendHostile(app.url, sent);
      expect(received.status).toBe(413);
    });

    it('answers JSON nested deeper than the limit with a 400 problem', async () => {
      const body = '{"text":"x","tags":' + '['.repeat(40) + ']'.repeat(40) + '}';
      const sent = { method: 'POST', path: '/api/v1/claims', token: people.reporter.token, body };
      const received = await sendHostile(app.url, sent);
      expect(received.status).toBe(400);
    });

    it('answers request headers over the size limit with a problem, not a bare error', async () => {
      const path = `/api/v1/claims?q=${'a'.repeat(20_000)}`;
      const received = await send(app.url, { method: 'GET', path, token: ADMIN_TOKEN });
      expect(received.status).toBe(431);
      expect(received.contentType).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(received.text)).toMatchObject({ status: 431 });
    });
  });

  describe('stored text round trip', () => {
    // Any Unicode the API accepts is stored exactly: astral characters, combining marks,
    // zero-width and bidi controls, variation selectors. What the API documents as refused or
    // changed is left out: NUL (refused) and surrounding whitespace (trimmed).
    const PIECES = [
      '\u200b',
      '\u200d',
      '\u202e',
      '\u2066',
      '\ufe0f',
      '\u0301',
      '👩‍👩‍👧‍👦',
      '𝕏',
      'ﷺ',
      '\u00a0',
    ];
    const unusual = (max: number) =>
      fc
        .array(
          fc.oneof(
            { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 8 }), weight: 3 },
            { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), weight: 1 },
            { arbitrary: fc.constantFrom(...PIECES), weight: 2 },
          ),
          { minLength: 1, maxLength: 40 },
        )
        .map((parts) => `«${parts.join('')}»`.replaceAll('\u0000', ''))
        .filter((value) => [...value].length <= max);

    const expectSame = (field: string, sent: string, got: unknown) => {
      if (got !== sent) {
        throw new Error(
          `${field} changed: sent ${JSON.stringify(sent)}, got ${JSON.stringify(got)}`,
        );
      }
    };

    it('returns claim text and claimant exactly as submitted', async () => {
      const api = client(app.url, people.reporter.token);
      await fc.assert(
        fc.asyncProperty(unusual(2000), unusual(500), async (claimText, claimant) => {
          const created = await api.post('/api/v1/claims', { body: { text: claimText, claimant } });
          if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
          const read = await api.get(`/api/v1/claims/${created.body.id}`);
          expectSame('text', claimText, read.body.text);
          expectSame('claimant', claimant, read.body.claimant);
        }),
        { numRuns: ROUND_TRIP_RUNS, seed: seedFor(300) },
      );
    });

    it('returns a comment exactly as posted', async () => {
      const api = client(app.url, people.reporter.token);
      await fc.assert(
        fc.asyncProperty(unusual(5000), async (body) => {
          const claim = await submitClaim(app.url, people.reporter);
          const created = await api.post(`/api/v1/claims/${claim.id}/comments`, { body: { body } });
          if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
          const read = await api.get(`/api/v1/claims/${claim.id}/comments`);
          const stored = read.body.items.find(
            (item: { id: string }) => item.id === created.body.id,
          );
          expectSame('comment', body, stored?.body);
        }),
        { numRuns: ROUND_TRIP_RUNS, seed: seedFor(301) },
      );
    });

    it('returns a source title exactly as given', async () => {
      const api = client(app.url, people.reporter.token);
      await fc.assert(
        fc.asyncProperty(unusual(500), async (title) => {
          const created = await api.post('/api/v1/sources', { body: { kind: 'other', title } });
          if (created.status !== 201) throw new Error(`${created.status} ${created.text}`);
          const read = await api.get(`/api/v1/sources/${created.body.id}`);
          expectSame('title', title, read.body.title);
        }),
        { numRuns: ROUND_TRIP_RUNS, seed: seedFor(302) },
      );
    });
  });

  describe('text PostgreSQL cannot store', () => {
    // A lone surrogate has no UTF-8 form: it must be refused, never stored as U+FFFD.
    const withLoneSurrogate = fc
      .tuple(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('\ud800', '\udbff', '\udc00', '\udfff'),
        fc.string({ maxLength: 20 }),
      )
      .map(([before, lone, after]) => `x${before}${lone}${after}`);
    const fieldsTaking = (value: string): [string, string, () => string, Hostile][] => [
      [
        'claim text',
        '/api/v1/claims',
        () => people.reporter.token,
        new JsonObject([['text', value]]),
      ],
      [
        'claimant',
        '/api/v1/claims',
        () => people.reporter.token,
        new JsonObject([
          ['text', 'x'],
          ['claimant', value],
        ]),
      ],
      [
        'tag',
        '/api/v1/claims',
        () => people.reporter.token,
        new JsonObject([
          ['text', 'x'],
          ['tags', [value]],
        ]),
      ],
      [
        'comment',
        `/api/v1/claims/${claims.comments.id}/comments`,
        () => people.reporter.token,
        new JsonObject([['body', value]]),
      ],
      [
        'source title',
        '/api/v1/sources',
        () => people.reporter.token,
        new JsonObject([
          ['kind', 'other'],
          ['title', value],
        ]),
      ],
      [
        'user name',
        '/api/v1/users',
        () => ADMIN_TOKEN,
        new JsonObject([
          ['name', value],
          ['email', `s${Date.now()}@newsroom.test`],
          ['roles', ['reporter']],
        ]),
      ],
    ];

    it('refuses lone surrogates in every free-text field with a 400', async () => {
      await fc.assert(
        fc.asyncProperty(withLoneSurrogate, async (value) => {
          for (const [field, path, token, body] of fieldsTaking(value)) {
            const sent = { method: 'POST', path, token: token(), body: toJsonText(body) };
            const received = await sendHostile(app.url, sent);
            if (received.status !== 400)
              throw new Error(`${field}: ${received.status} ${received.text}`);
          }
        }),
        { numRuns: runs(10), seed: seedFor(400) },
      );
    });
  });

  describe('after the fuzzing', () => {
    it('has not had its prototypes polluted: a new claim has only its own fields', async () => {
      const claim = await submitClaim(app.url, people.reporter);
      expect(claim.status).toBe('submitted');
      expect(claim).not.toHaveProperty('isAdmin');
      expect(claim).not.toHaveProperty('polluted');
      const me = await client(app.url, people.reporter.token).get('/api/v1/me');
      expect(me.body.roles).toEqual(['reporter']);
    });
  });
});
