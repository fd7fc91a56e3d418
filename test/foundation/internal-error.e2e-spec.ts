import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { SERVING_ROLE } from '../../src/database/roles.js';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// A 500 says nothing internal: no SQL, no table or driver names, no stack; only the request
// id, which is also in X-Request-Id and in the log line that records the failure.
describe('unexpected errors', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;

  beforeAll(async () => {
    database = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: database.url, LOG_LEVEL: 'error' } });
  });
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it('answers a failure it did not foresee with a bare 500 problem and logs it with the request id', async () => {
    // Break the service from outside: its role may no longer read claims.
    const owner = new pg.Client({ connectionString: database.url });
    await owner.connect();
    await owner.query(`REVOKE SELECT ON claims FROM ${SERVING_ROLE}`);
    await owner.end();

    const response = await client(app.url, ADMIN_TOKEN).get('/api/v1/claims');
    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const requestId = response.headers.get('x-request-id')!;
    expect(response.body).toEqual({
      type: 'https://claimdesk.dev/problems/internal',
      title: 'Internal error',
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    });
    expect(response.text).not.toMatch(/permission|claims|SELECT|QueryFailed|at \S+\.js/i);

    const logged = (await app.outputWith(requestId))
      .split('\n')
      .filter((line) => line.includes(requestId) && line.includes('"level":50'));
    expect(logged.length).toBeGreaterThan(0);
    expect(logged.join('\n')).toContain('permission denied');
  });
});
