import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, runAppToExit, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';

describe('service foundation', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp({ env: { BODY_LIMIT: '4kb' } });
  });
  afterAll(() => app.stop());

  describe('configuration', () => {
    it('refuses to start with a bad variable and names it in one line', async () => {
      const { code, stderr } = await runAppToExit({ PORT: 'eighty' });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe('Invalid environment: PORT must be an integer number');
    });

    it('refuses an export rate that is not a whole number of MB/s', async () => {
      const { code, stderr } = await runAppToExit({ EXPORT_BUSY_RATE_MB: '-1' });
      expect(code).toBe(1);
      expect(stderr.trim()).toBe(
        'Invalid environment: EXPORT_BUSY_RATE_MB must be an integer number',
      );
    });

    it('refuses a signing key that is not an Ed25519 PEM key', async () => {
      const { code, stderr } = await runAppToExit({ AUDIT_SIGNING_KEY: 'not-a-key' });
      expect(code).toBe(1);
      expect(stderr).toContain('AUDIT_SIGNING_KEY must be an Ed25519 private key in PEM form');
    });
  });

  describe('health', () => {
    it('answers 200 with the database up, without a token', async () => {
      const response = await client(app.url).get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', db: 'up' });
    });
  });

  describe('problem details', () => {
    const admin = () => client(app.url, ADMIN_TOKEN);

    it('answers an unknown route with a 404 problem', async () => {
      const response = await admin().get('/api/v1/no-such-thing');
      expect(response.status).toBe(404);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body).toMatchObject({
        type: 'https://claimdesk.dev/problems/not-found',
        title: 'Not found',
        status: 404,
      });
    });

    it('answers malformed JSON with a 400 problem', async () => {
      const response = await admin().post('/api/v1/users', { rawBody: '{"name": "Ann",' });
      expect(response.status).toBe(400);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.type).toBe('https://claimdesk.dev/problems/malformed-request');
    });

    it('names each invalid or unknown field in a 400 validation problem', async () => {
      const response = await admin().post('/api/v1/users', {
        body: { name: 'Ann', email: 'not-an-email', roles: ['reporter'], isRoot: true },
      });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://claimdesk.dev/problems/validation');
      const fields = response.body.errors.map((error: { field: string }) => error.field);
      expect(fields).toEqual(expect.arrayContaining(['email', 'isRoot']));
    });

    it('answers JSON nested too deeply with a 400 problem', async () => {
      const deep = '{"name":' + '['.repeat(40) + ']'.repeat(40) + '}';
      const response = await admin().post('/api/v1/users', { rawBody: deep });
      expect(response.status).toBe(400);
      expect(response.body.detail).toBe('JSON nested deeper than 32 levels.');
    });

    it('refuses a __proto__ key instead of honouring it', async () => {
      const response = await admin().post('/api/v1/users', {
        rawBody: '{"name":"Eve","email":"eve@newsroom.test","roles":["admin"],"__proto__":{"x":1}}',
      });
      expect(response.status).toBe(400);
      expect(response.body.type).toBe('https://claimdesk.dev/problems/malformed-request');
    });

    it('answers a body over BODY_LIMIT with a 413 problem', async () => {
      const response = await admin().post('/api/v1/users', {
        body: { name: 'x'.repeat(8000), email: 'big@example.org', roles: ['reporter'] },
      });
      expect(response.status).toBe(413);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.body.type).toBe('https://claimdesk.dev/problems/payload-too-large');
    });

    it('sends an X-Request-Id on every response and keeps a well-formed one from the client', async () => {
      const generated = await client(app.url).get('/health');
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const given = await client(app.url).get('/health', {
        headers: { 'x-request-id': 'desk-42' },
      });
      expect(given.headers.get('x-request-id')).toBe('desk-42');
    });
  });

  describe('OpenAPI', () => {
    it('publishes the document and the browsable docs', async () => {
      const document = await client(app.url).get('/api/openapi.json');
      expect(document.status).toBe(200);
      expect(document.body.openapi).toMatch(/^3\./);
      expect(Object.keys(document.body.paths)).toEqual(
        expect.arrayContaining(['/health', '/api/v1/me', '/api/v1/users']),
      );
      const docs = await client(app.url).get('/api/docs');
      expect(docs.status).toBe(200);
      expect(docs.text).toContain('swagger');
    });
  });
});
