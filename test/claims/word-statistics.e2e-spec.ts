import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SERVING_ROLE } from '../../src/database/roles.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { pollUntil } from '../support/poll.js';
import { withClient } from '../support/database.js';
import { createNewsroom, TestUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// The duplicate lookup ranks words by the statistics ANALYZE keeps on claims.search; the
// service refreshes them itself once enough claims came in (docs/duplicates.md), since
// autovacuum may be off (it is on this suite's server) or late.
describe("the duplicate lookup's word statistics", () => {
  let scratch: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let reporter: TestUser;

  const countedWords = () =>
    withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ words: string[] | null }>(
        `SELECT most_common_elems::text::text[] AS words FROM pg_stats
          WHERE schemaname = current_schema() AND tablename = 'claims' AND attname = 'search'`,
      );
      return rows[0]?.words ?? [];
    });

  // What the lookup reads: the counts the service copies after each ANALYZE.
  const copiedWords = () =>
    withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ lexeme: string }>(
        'SELECT lexeme FROM claim_word_frequencies',
      );
      return rows.map((row) => row.lexeme);
    });

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({
      env: { DATABASE_URL: scratch.url, DUPLICATE_STATISTICS_INTERVAL_MS: '200' },
    });
    ({ reporter } = await createNewsroom(app.url));
  }, 60_000);
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
  });

  it('are refreshed by the service once a thousand claims came in since the last time', async () => {
    expect(await countedWords()).not.toContain('zorvath');
    // Whatever the server's autovacuum does, only the service may refresh them here.
    await withClient(scratch.url, (db) =>
      db.query('ALTER TABLE claims SET (autovacuum_enabled = false)'),
    );
    // A new story: 1,500 claims naming a place no claim named before.
    await withClient(scratch.url, (db) =>
      db.query(
        `INSERT INTO claims (text, submitted_by)
         SELECT 'Shelling hit Zorvath again on day ' || g || ', officials said.', $1
           FROM generate_series(1, 1500) AS g`,
        [reporter.id],
      ),
    );
    const copied = await pollUntil(copiedWords, (words) => words.includes('zorvath'), {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    expect(await countedWords()).toContain('zorvath');
    expect(copied).toContain('zorvath');
  }, 30_000);

  it("are copied for the lookup after anyone's ANALYZE, not only the service's", async () => {
    await withClient(scratch.url, async (db) => {
      // The desk moves on to another story: fewer new claims than make the service
      // refresh the statistics itself, then an ANALYZE of the operator's (or autovacuum's).
      await db.query(`DELETE FROM claims WHERE text LIKE 'Shelling hit Zorvath%'`);
      await db.query(
        `INSERT INTO claims (text, submitted_by)
         SELECT 'Floods reached Quellmar again on day ' || g || ', officials said.', $1
           FROM generate_series(1, 900) AS g`,
        [reporter.id],
      );
      await db.query('ANALYZE claims');
    });
    expect(await countedWords()).toContain('quellmar');
    expect(await countedWords()).not.toContain('zorvath');
    const copied = await pollUntil(copiedWords, (words) => words.includes('quellmar'), {
      timeoutMs: 20_000,
      intervalMs: 200,
    });
    expect(copied.sort()).toEqual((await countedWords()).sort());
  }, 30_000);

  it('are copied once an ANALYZE commits, not as soon as it is reported', async () => {
    await withClient(scratch.url, async (db) => {
      // The story's place is renamed, with no new claim: only an ANALYZE tells the lookup.
      await db.query(
        `UPDATE claims SET text = replace(text, 'Quellmar', 'Brennholt')
          WHERE text LIKE 'Floods reached Quellmar%'`,
      );
      // pg_stat_user_tables shows an ANALYZE as done when it ends, before the
      // transaction holding its counts commits: a check meanwhile sees the new time and
      // still reads the old counts.
      await db.query('BEGIN');
      await db.query('ANALYZE claims');
      await sleep(1_000);
      await db.query('COMMIT');
    });
    expect(await countedWords()).toContain('brennholt');
    const copied = await pollUntil(copiedWords, (words) => words.includes('brennholt'), {
      timeoutMs: 10_000,
      intervalMs: 200,
    });
    expect(copied.sort()).toEqual((await countedWords()).sort());
  }, 30_000);

  it("are refreshed on a connection of the service's own, not one of the request pool", async () => {
    const connections = await withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ role: string }>(
        `SELECT usename AS role FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'claimdesk-statistics'`,
      );
      return rows.map((row) => row.role);
    });
    // One, kept open between checks, as the serving role.
    expect(connections).toEqual([SERVING_ROLE]);
  });

  it('are refreshed and copied through functions only the serving role may call', async () => {
    const grantees = await withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ name: string; grantee: string }>(
        `SELECT p.proname AS name,
                CASE a.grantee WHEN 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS grantee
           FROM pg_proc p, aclexplode(p.proacl) AS a
          WHERE p.proname IN ('refresh_claim_word_statistics', 'copy_claim_word_statistics')
            AND a.grantee <> p.proowner
          ORDER BY p.proname`,
      );
      return rows;
    });
    expect(grantees).toEqual([
      { name: 'copy_claim_word_statistics', grantee: SERVING_ROLE },
      { name: 'refresh_claim_word_statistics', grantee: SERVING_ROLE },
    ]);
  });

  it('are read, never written, by the serving role', async () => {
    const privileges = await withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ privilege: string }>(
        `SELECT privilege_type AS privilege FROM information_schema.role_table_grants
          WHERE table_name = 'claim_word_frequencies' AND grantee = $1`,
        [SERVING_ROLE],
      );
      return rows.map((row) => row.privilege);
    });
    expect(privileges).toEqual(['SELECT']);
  });
});
