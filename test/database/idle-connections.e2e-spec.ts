import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppProcess, startApp } from '../support/app-process.js';
import { withClient } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// pg closes a pooled connection idle for this long unless told otherwise.
const PG_DEFAULT_IDLE_TIMEOUT_MS = 10_000;

// A new connection is a new backend whose first statements fill its caches and are planned
// anew; the serving process keeps its request pool's connections once opened
// (src/database/data-source-options.ts), so a desk's first requests after a quiet spell do
// not pay for that, nor the benchmark's turns after another server's.
describe("the request pool's connections", () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppProcess;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url, DATABASE_POOL_SIZE: '6' } });
  });
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
  });

  const requestBackends = () =>
    withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'claimdesk'
          ORDER BY pid`,
      );
      return rows.map((row) => row.pid);
    });

  it('stay open while the desk is quiet', async () => {
    const reporter = await createUser(app.url, ['reporter']);
    const desk = client(app.url, reporter.token);
    // Enough requests at once to open more connections than the service's background
    // work keeps busy.
    const answers = await Promise.all(
      Array.from({ length: 24 }, () => desk.get('/api/v1/claims?limit=5')),
    );
    expect(answers.map((answer) => answer.status)).toEqual(answers.map(() => 200));
    const opened = await requestBackends();
    expect(opened.length).toBeGreaterThanOrEqual(3);

    await sleep(PG_DEFAULT_IDLE_TIMEOUT_MS + 1_500);
    expect(await requestBackends()).toEqual(expect.arrayContaining(opened));
  });
});
