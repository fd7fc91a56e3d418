import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { SERVING_ROLE, servingUrl } from '../../src/database/roles.js';
import { ADMIN_TOKEN, runAppToExit, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';

// A restricted role an operator made on an existing server, for DATABASE_URL beside
// DATABASE_OWNER_URL. Roles are server-wide and shared with concurrent runs: created only
// if missing, never dropped.
const OPERATOR_ROLE = 'claimdesk_test_restricted';

async function query<T extends pg.QueryResultRow>(
  url: string,
  sql: string,
  values: unknown[] = [],
) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return (await db.query<T>(sql, values)).rows;
  } finally {
    await db.end();
  }
}

const withUser = (url: string, user: string) => {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = '';
  return parsed.toString();
};

// What a statement in request code could try, from a serving connection.
async function becomeOwnerAttempts(servingConnectionUrl: string, owner: string) {
  const db = new pg.Client({ connectionString: servingConnectionUrl });
  await db.connect();
  const outcome = (promise: Promise<unknown>) =>
    promise.then(
      () => 'succeeded',
      (error: { code?: string }) => error.code,
    );
  try {
    return {
      setRole: await outcome(db.query(`SET ROLE ${pg.escapeIdentifier(owner)}`)),
      setConfig: await outcome(db.query(`SELECT set_config('role', $1, false)`, [owner])),
      sessionAuthorization: await outcome(
        db.query(`SET SESSION AUTHORIZATION ${pg.escapeIdentifier(owner)}`),
      ),
      currentUser: (await db.query('SELECT current_user AS name')).rows[0].name as string,
    };
  } finally {
    await db.end();
  }
}

// The LOGIN roles the service's connections to `database` run as, and what they may do.
async function servingSessions(ownerUrl: string, owner: string) {
  return query<{ usename: string; rolsuper: boolean; member: boolean; rolcanlogin: boolean }>(
    ownerUrl,
    `SELECT DISTINCT a.usename, r.rolsuper, r.rolcanlogin,
            pg_has_role(a.usename, $1, 'MEMBER') AS member
       FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename
      WHERE a.datname = current_database() AND a.pid <> pg_backend_pid()
        AND a.application_name LIKE 'claimdesk%'`,
    [owner],
  );
}

describe('the serving connection cannot become the owner', () => {
  let database: { url: string; drop(): Promise<void> };
  let owner: string;

  beforeAll(async () => {
    database = await createScratchDatabase();
    [{ owner }] = await query<{ owner: string }>(database.url, 'SELECT current_user AS owner');
    await query(
      database.url,
      `DO $$
       BEGIN
         IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${OPERATOR_ROLE}') THEN
           CREATE ROLE ${OPERATOR_ROLE} LOGIN;
         END IF;
       EXCEPTION WHEN duplicate_object OR unique_violation THEN
         NULL;
       END
       $$`,
    );
  });
  afterAll(() => database?.drop());

  it('serves as its own LOGIN role when DATABASE_URL names the owner', async () => {
    const app = await startApp({ env: { DATABASE_URL: database.url } });
    try {
      expect((await client(app.url, ADMIN_TOKEN).get('/api/v1/claims')).status).toBe(200);
      // Every connection of the service, the owner's included, is listed: the owner's
      // (migrations, set-up) are closed before it serves.
      expect(await servingSessions(database.url, owner)).toEqual([
        { usename: SERVING_ROLE, rolsuper: false, rolcanlogin: true, member: false },
      ]);
      expect(await becomeOwnerAttempts(servingUrl(database.url), owner)).toEqual({
        setRole: '42501',
        setConfig: '42501',
        sessionAuthorization: '42501',
        currentUser: SERVING_ROLE,
      });
    } finally {
      await app.stop();
    }
  });

  it('serves as the role DATABASE_URL names and migrates as DATABASE_OWNER_URL', async () => {
    const restricted = withUser(database.url, OPERATOR_ROLE);
    const app = await startApp({
      env: { DATABASE_URL: restricted, DATABASE_OWNER_URL: database.url },
    });
    try {
      const reporter = await createUser(app.url, ['reporter']);
      const http = client(app.url, reporter.token);
      const created = await http.post('/api/v1/claims', {
        body: { text: 'Served by a role an operator made', claimant: 'Ministry' },
      });
      expect(created.status).toBe(201);
      expect((await http.get(`/api/v1/claims/${created.body.id}/history`)).status).toBe(200);
      expect(await servingSessions(database.url, owner)).toEqual([
        { usename: OPERATOR_ROLE, rolsuper: false, rolcanlogin: true, member: false },
      ]);
      expect(await becomeOwnerAttempts(restricted, owner)).toEqual({
        setRole: '42501',
        setConfig: '42501',
        sessionAuthorization: '42501',
        currentUser: OPERATOR_ROLE,
      });
    } finally {
      await app.stop();
    }
  });

  it('refuses to start when DATABASE_URL beside DATABASE_OWNER_URL could become the owner', async () => {
    const { code, stderr } = await runAppToExit({
      DATABASE_URL: database.url,
      DATABASE_OWNER_URL: database.url,
      LOG_LEVEL: 'warn',
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(/could become the owner/);
  });
});

describe('the Docker image', () => {
  it('refuses to start without DATABASE_URL, in one line', async () => {
    // Set by the Dockerfile; embedded PostgreSQL is for trying claimdesk out.
    const { code, stderr, stdout } = await runAppToExit({
      DATABASE_URL: undefined,
      REQUIRE_DATABASE_URL: '1',
    });
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toEqual([
      expect.stringContaining('DATABASE_URL is required'),
    ]);
  });
});
