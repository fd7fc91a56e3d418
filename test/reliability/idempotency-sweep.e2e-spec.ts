import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp } from '../support/app-process.js';
import { pollUntil } from '../support/poll.js';
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
    const left = await pollUntil(keysLeft, (keys) => !keys.includes('expired'), {
      timeoutMs: 10_000,
    });
    expect(left).toEqual(['recent']);
  });
});
