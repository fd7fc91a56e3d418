import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppProcess, startApp } from '../support/app-process.js';
import { withClient } from '../support/database.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// Idempotency keys are kept 24 hours (SPEC §4), then swept: once when the service starts,
// then hourly. With the hourly sweep alone, a service redeployed more often than hourly
// never swept at all.
describe('the sweep of idempotency keys', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppProcess | undefined;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
  });
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
  });

  const keysLeft = () =>
    withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ key: string }>(
        'SELECT key FROM idempotency_keys ORDER BY key',
      );
      return rows.map((row) => row.key);
    });

  it('removes the keys past retention when the service starts, and keeps the others', async () => {
    const first = await startApp({ env: { DATABASE_URL: scratch.url } });
    const reporter = await createUser(first.url, ['reporter']);
    await first.stop();
    await withClient(scratch.url, (db) =>
      db.query(
        `INSERT INTO idempotency_keys (user_id, key, scope, request_hash, created_at)
         VALUES ($1, 'expired', 'POST /claims', repeat('a', 64), now() - interval '25 hours'),
                ($1, 'recent', 'POST /claims', repeat('b', 64), now() - interval '23 hours')`,
        [reporter.id],
      ),
    );

    app = await startApp({ env: { DATABASE_URL: scratch.url } });
    let left = await keysLeft();
    for (let waited = 0; left.includes('expired') && waited < 10_000; waited += 100) {
      await sleep(100);
      left = await keysLeft();
    }
    expect(left).toEqual(['recent']);
  });
});
