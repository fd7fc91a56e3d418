import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createScratchDatabase } from '../support/scratch-database.js';

describe('first start on an empty database', () => {
  let database: { url: string; drop(): Promise<void> };

  const query = async (sql: string) => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      return (await db.query(sql)).rows;
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    database = await createScratchDatabase();
  });
  afterAll(() => database.drop());

  it('migrates, creates the first admin exactly once across replicas, and prints its token once', async () => {
    // Two replicas starting together on the empty database, without BOOTSTRAP_ADMIN_TOKEN.
    const env = { DATABASE_URL: database.url, BOOTSTRAP_ADMIN_TOKEN: undefined };
    const [first, second] = await Promise.all([startApp({ env }), startApp({ env })]);
    const printed = [first, second]
      .map((app) => /first admin token \(shown once\): (cd_\S+)/.exec(app.output())?.[1])
      .filter(Boolean) as string[];
    expect(printed).toHaveLength(1);

    const me = await client(first.url, printed[0]).get('/api/v1/me');
    expect(me.status).toBe(200);
    expect(me.body.roles).toEqual(['admin']);
    await Promise.all([first.stop(), second.stop()]);

    const migrationsBefore = await query('SELECT name FROM schema_migrations ORDER BY id');
    expect(migrationsBefore.length).toBeGreaterThan(0);

    // A later start applies nothing again and creates no second admin.
    const again = await startApp({ env });
    expect(again.output()).not.toContain('first admin token');
    await again.stop();
    expect(await query('SELECT name FROM schema_migrations ORDER BY id')).toEqual(migrationsBefore);
    expect(await query(`SELECT count(*)::int AS n FROM users`)).toEqual([{ n: 1 }]);
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const app = await startApp({ env: { DATABASE_URL: database.url } });
    await app.stop();
    expect(app.child.exitCode).toBe(0);
    expect(app.output()).toContain('SIGTERM received, shutting down');
  });
});
