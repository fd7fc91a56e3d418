import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';

describe('rate limit per token', () => {
  let app: AppProcess;

  beforeAll(async () => {
    app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '30' } });
  });
  afterAll(() => app.stop());

  it('answers 429 with Retry-After to a token over its limit, and not to other tokens', async () => {
    const [busy, calm] = await Promise.all([
      createUser(app.url, ['reporter']),
      createUser(app.url, ['reporter']),
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await client(app.url, busy.token).get('/api/v1/me')).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);

    const limited = await client(app.url, busy.token).get('/api/v1/me');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.body.type).toBe('https://claimdesk.dev/problems/rate-limited');

    expect((await client(app.url, calm.token).get('/api/v1/me')).status).toBe(200);
  });
});
