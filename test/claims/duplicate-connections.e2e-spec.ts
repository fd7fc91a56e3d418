import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { CLAIMANT_SUGGESTIONS_SQL } from '../../src/claimants/claimant-sql.js';
import { POSSIBLE_DUPLICATES_SQL } from '../../src/claims/duplicates/possible-duplicates-sql.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { pollUntil } from '../support/poll.js';
import { withClient } from '../support/database.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { StatementLog } from '../support/statement-log.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const POOL_SIZE = 3;
// pg closes a pooled connection idle for this long unless told otherwise.
const PG_DEFAULT_IDLE_TIMEOUT_MS = 10_000;

// The first duplicate lookup on a new connection costs tens of milliseconds more than the
// next ones (docs/duplicates.md), so the service opens its lookup connections and prepares
// the lookup on each when it starts, and keeps them through quiet hours.
describe('the duplicate lookup connections', () => {
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppProcess;
  // What the service sends, read off the wire by a relay in front of the database.
  const log = new StatementLog();
  let proxy: TcpProxy;

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const target = new URL(scratch.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432), log.observe);
    await proxy.start();
    app = await startApp({
      env: {
        DATABASE_URL: proxy.route(scratch.url),
        DUPLICATE_LOOKUP_POOL_SIZE: String(POOL_SIZE),
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
    await scratch?.drop();
  });

  // The service's lookup backends: their process ids and the last statement each ran.
  const lookupBackends = () =>
    withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ pid: number; query: string }>(
        `SELECT pid, query FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'claimdesk-advice'
          ORDER BY pid`,
      );
      return rows;
    });

  it('are open with the lookup prepared before any claim is submitted, and stay open while the desk is quiet', async () => {
    // Each runs the advice's statements once connected, the lookup last (in the order of
    // their names; pg_stat_activity shows the last one's first kilobyte); on a busy
    // machine a backend may be seen between the two, or a round may pass the lookup's
    // bound and be tried again (the start's five rounds, 1 s apart).
    const lookupStart = POSSIBLE_DUPLICATES_SQL.slice(0, 200);
    const prepared = (found: { query: string }[]) =>
      found.length === POOL_SIZE && found.every((backend) => backend.query.startsWith(lookupStart));
    const backends = await pollUntil(lookupBackends, prepared, { timeoutMs: 8_000 });
    expect(backends).toHaveLength(POOL_SIZE);
    for (const backend of backends) expect(backend.query.startsWith(lookupStart)).toBe(true);

    // Every advice connection (the ones that ran the lookup: no claim was submitted) ran the
    // claimant suggestions' statement too, which pg_stat_activity, showing only the last
    // statement, cannot tell.
    const ran = new Map<number, Set<string>>();
    for (const { connection, text } of log.take()) {
      ran.set(connection, (ran.get(connection) ?? new Set()).add(text));
    }
    const adviceConnections = [...ran.values()].filter((texts) =>
      texts.has(POSSIBLE_DUPLICATES_SQL),
    );
    expect(adviceConnections).toHaveLength(POOL_SIZE);
    for (const texts of adviceConnections) expect(texts.has(CLAIMANT_SUGGESTIONS_SQL)).toBe(true);

    await sleep(PG_DEFAULT_IDLE_TIMEOUT_MS + 1_500);
    expect((await lookupBackends()).map((backend) => backend.pid)).toEqual(
      backends.map((backend) => backend.pid),
    );
  });
});
