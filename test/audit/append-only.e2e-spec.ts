import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { prepareServingRole, SERVING_ROLE, servingUrl } from '../../src/database/roles.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { withClient } from '../support/database.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { appendClaimEvents, insertClaim } from './support/history.js';

async function connect(url: string): Promise<pg.Client> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  return db;
}

const sqlState = (promise: Promise<unknown>) =>
  promise.then(
    () => 'succeeded',
    (error: { code?: string }) => error.code,
  );

// On a database of its own: the owner's TRUNCATE below takes audit_events' exclusive lock
// before the trigger refuses it, and while it waits for that lock (behind a long export of
// another spec's, say) every other session's read or write of audit_events would queue
// behind it — in the suite's shared database, other specs' requests stalled for as long.
describe('append-only audit trail', () => {
  let database: Awaited<ReturnType<typeof createScratchDatabase>>;
  let app: AppProcess;
  let serving: pg.Client;
  let owner: pg.Client;
  let eventId: string;

  beforeAll(async () => {
    database = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: database.url } }); // prepares the serving role
    const reporter = await createUser(app.url, ['reporter']);
    owner = await connect(database.url);
    serving = await connect(servingUrl(database.url));
    const claimId = await insertClaim(owner, reporter.id);
    // The serving role may append: this is how every request writes history.
    const [event] = await appendClaimEvents(serving, claimId, { ...reporter }, ['a note']);
    eventId = event.id;
  });
  afterAll(async () => {
    await serving?.end();
    await owner?.end();
    await app?.stop();
    await database?.drop();
  });

  describe('as the serving role', () => {
    it('runs as claimdesk_serving, a LOGIN role of its own that owns nothing', async () => {
      const { rows } = await serving.query('SELECT current_user AS role');
      expect(rows[0].role).toBe(SERVING_ROLE);
      const owned = await owner.query(
        `SELECT (SELECT count(*) FROM pg_class WHERE relowner = r.oid)
              + (SELECT count(*) FROM pg_namespace WHERE nspowner = r.oid)
              + (SELECT count(*) FROM pg_proc WHERE proowner = r.oid)
              + (SELECT count(*) FROM pg_type WHERE typowner = r.oid)
              + (SELECT count(*) FROM pg_database WHERE datdba = r.oid) AS owned,
                r.rolcanlogin, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls
           FROM pg_roles r WHERE r.rolname = $1`,
        [SERVING_ROLE],
      );
      expect(owned.rows[0]).toEqual({
        owned: '0',
        // The session user itself (SPEC §10), not a role the owner switches to.
        rolcanlogin: true,
        rolsuper: false,
        rolcreaterole: false,
        rolcreatedb: false,
        rolbypassrls: false,
      });
    });

    it('holds only SELECT and INSERT on audit_events', async () => {
      const { rows } = await owner.query(
        `SELECT p AS privilege, has_table_privilege($1, 'audit_events', p) AS held
           FROM unnest(ARRAY['SELECT','INSERT','UPDATE','DELETE','TRUNCATE','REFERENCES','TRIGGER']) p`,
        [SERVING_ROLE],
      );
      expect(Object.fromEntries(rows.map((row) => [row.privilege, row.held]))).toEqual({
        SELECT: true,
        INSERT: true,
        UPDATE: false,
        DELETE: false,
        TRUNCATE: false,
        REFERENCES: false,
        TRIGGER: false,
      });
    });

    it.each([
      ['UPDATE', `UPDATE audit_events SET rationale = 'rewritten' WHERE id = $1`],
      ['DELETE', `DELETE FROM audit_events WHERE id = $1`],
      ['TRUNCATE', `TRUNCATE audit_events`],
    ])('refuses %s (permission denied)', async (_name, sql) => {
      const params = sql.includes('$1') ? [eventId] : [];
      expect(await sqlState(serving.query(sql, params))).toBe('42501');
    });

    it('cannot switch the triggers off with session_replication_role = replica', async () => {
      expect(await sqlState(serving.query('SET session_replication_role = replica'))).toBe('42501');
      expect(
        await sqlState(serving.query('DELETE FROM audit_events WHERE id = $1', [eventId])),
      ).toBe('42501');
    });

    it('cannot alter or drop the table or its triggers', async () => {
      expect(await sqlState(serving.query('ALTER TABLE audit_events DISABLE TRIGGER ALL'))).toBe(
        '42501',
      );
      expect(await sqlState(serving.query('DROP TABLE audit_events'))).toBe('42501');
    });
  });

  describe('as the owner, even under session_replication_role = replica', () => {
    beforeAll(() => owner.query('SET session_replication_role = replica'));
    afterAll(() => owner.query('SET session_replication_role = DEFAULT'));

    it.each([
      ['UPDATE', `UPDATE audit_events SET rationale = 'rewritten' WHERE id = $1`],
      ['DELETE', `DELETE FROM audit_events WHERE id = $1`],
      ['TRUNCATE', `TRUNCATE audit_events`],
    ])('refuses %s through the ENABLE ALWAYS triggers', async (_name, sql) => {
      const params = sql.includes('$1') ? [eventId] : [];
      const error = await owner.query(sql, params).then(
        () => undefined,
        (caught: Error) => caught,
      );
      expect(error?.message).toMatch(/audit_events is append-only/);
    });

    it('still holds the event untouched', async () => {
      const { rows } = await owner.query('SELECT rationale FROM audit_events WHERE id = $1', [
        eventId,
      ]);
      expect(rows).toEqual([{ rationale: null }]);
    });
  });

  describe('the running service', () => {
    it('serves requests as the serving role: revoking its SELECT breaks the audit log', async () => {
      const revoking = await createScratchDatabase();
      const scratch = await startApp({ env: { DATABASE_URL: revoking.url } });
      try {
        const admin = client(scratch.url, (await createUser(scratch.url, ['admin'])).token);
        expect((await admin.get('/api/v1/audit/events')).status).toBe(200);
        const db = await connect(revoking.url);
        await db.query(`REVOKE SELECT ON audit_events FROM ${SERVING_ROLE}`);
        await db.end();
        expect((await admin.get('/api/v1/audit/events')).status).toBe(500);
      } finally {
        await scratch.stop();
        await revoking.drop();
      }
    });

    it('grants again on start, idempotently, when several processes start at once', async () => {
      await Promise.all([1, 2, 3, 4].map(() => prepareServingRole(database.url)));
      await withClient(database.url, async (db) => {
        const { rows } = await db.query(
          `SELECT has_table_privilege($1, 'audit_events', 'INSERT') AS insert,
                  has_table_privilege($1, 'audit_events', 'DELETE') AS delete,
                  has_table_privilege($1, 'claims', 'UPDATE') AS claims`,
          [SERVING_ROLE],
        );
        expect(rows[0]).toEqual({ insert: true, delete: false, claims: true });
      });
    });
  });
});
