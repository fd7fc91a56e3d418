import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { createUser, TestUser } from '../support/people.js';

// Security headers on every response, errors and 404s included, no X-Powered-By, and CORS
// closed by default (SPEC §10). Helmet is configured in src/common/http/security-headers.ts.
interface Case {
  name: string;
  method?: string;
  path: string;
  auth?: 'reporter' | 'auditor';
  body?: string;
  headers?: Record<string, string>;
  status: number;
}

const CASES: Case[] = [
  { name: 'health', path: '/health', status: 200 },
  { name: 'an authenticated read', path: '/api/v1/me', auth: 'reporter', status: 200 },
  { name: 'the desk page', path: '/', status: 200 },
  { name: 'the OpenAPI document', path: '/api/openapi.json', status: 200 },
  { name: 'a missing token', path: '/api/v1/claims', status: 401 },
  { name: 'a wrong role', path: '/api/v1/audit/events', auth: 'reporter', status: 403 },
  { name: 'a malformed uuid', path: '/api/v1/claims/not-a-uuid', auth: 'reporter', status: 404 },
  { name: 'an unknown route', path: '/api/v1/no-such-thing', status: 404 },
  { name: 'an over-long path id', path: `/api/v1/claims/${'a'.repeat(300)}`, status: 404 },
  { name: 'broken percent-encoding', path: '/api/v1/claims/%E0%A4%A', status: 400 },
  {
    name: 'malformed JSON',
    method: 'POST',
    path: '/api/v1/claims',
    auth: 'reporter',
    body: '{"text":',
    status: 400,
  },
  {
    name: 'a body over BODY_LIMIT',
    method: 'POST',
    path: '/api/v1/claims',
    auth: 'reporter',
    body: JSON.stringify({ text: 'a'.repeat(1024 * 1024 + 1) }),
    status: 413,
  },
  {
    name: 'headers over the size limit',
    path: `/api/v1/claims?q=${'a'.repeat(20_000)}`,
    status: 431,
  },
];

describe('Security headers', () => {
  let app: AppProcess;
  let people: Record<'reporter' | 'auditor', TestUser>;

  beforeAll(async () => {
    app = await startApp();
    const [reporter, auditor] = await Promise.all([
      createUser(app.url, ['reporter']),
      createUser(app.url, ['auditor']),
    ]);
    people = { reporter, auditor };
  });
  afterAll(() => app.stop());

  const call = (testCase: Case) =>
    fetch(app.url + testCase.path, {
      method: testCase.method ?? 'GET',
      body: testCase.body,
      headers: {
        ...(testCase.body ? { 'content-type': 'application/json' } : {}),
        ...(testCase.auth ? { authorization: `Bearer ${people[testCase.auth].token}` } : {}),
        ...testCase.headers,
      },
    });

  it.each(CASES)('sends them on $name ($status)', async (testCase) => {
    const response = await call(testCase);
    await response.arrayBuffer();
    expect(response.status).toBe(testCase.status);
    const header = (name: string) => response.headers.get(name) ?? '';

    const csp = header('content-security-policy');
    expect(csp).toMatch(/default-src '(self|none)'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    // Framing is refused by CSP frame-ancestors, with X-Frame-Options for older browsers.
    expect(csp).toContain("frame-ancestors 'none'");
    expect(header('x-frame-options')).toBe('DENY');
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(header('referrer-policy')).toBe('no-referrer');
    expect(header('strict-transport-security')).toMatch(/max-age=\d{7,}/);
    expect(response.headers.has('x-powered-by')).toBe(false);
    expect(response.headers.has('server')).toBe(false);
    if (testCase.status >= 400) {
      expect(header('content-type')).toMatch(/^application\/problem\+json/);
    }
  });

  describe('CORS', () => {
    const EVIL = 'https://evil.example';

    it('answers a cross-origin preflight without allowing the origin', async () => {
      const response = await fetch(`${app.url}/api/v1/claims`, {
        method: 'OPTIONS',
        headers: {
          origin: EVIL,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });
      await response.arrayBuffer();
      expect(response.status).toBeLessThan(500);
      expect(response.headers.has('access-control-allow-origin')).toBe(false);
      expect(response.headers.has('access-control-allow-credentials')).toBe(false);
      expect(response.headers.has('access-control-allow-methods')).toBe(false);
      expect(response.headers.has('access-control-allow-headers')).toBe(false);
    });

    it('answers a cross-origin read without allowing the origin', async () => {
      const response = await fetch(`${app.url}/api/v1/me`, {
        headers: { origin: EVIL, authorization: `Bearer ${people.reporter.token}` },
      });
      await response.arrayBuffer();
      expect(response.status).toBe(200);
      expect(response.headers.has('access-control-allow-origin')).toBe(false);
      expect(response.headers.has('access-control-allow-credentials')).toBe(false);
    });

    it('does not reflect a null origin either', async () => {
      const response = await fetch(`${app.url}/health`, { headers: { origin: 'null' } });
      await response.arrayBuffer();
      expect(response.headers.has('access-control-allow-origin')).toBe(false);
    });
  });
});
