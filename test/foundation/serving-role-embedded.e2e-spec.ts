import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { EmbeddedDatabase, startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { prepareServingRole, SERVING_ROLE, servingUrl } from '../../src/database/roles.js';

// `npm start` without DATABASE_URL: the embedded server authenticates with SCRAM, so the
// serving role must get a password the service can compute, the same in every process
// (a second process must not change it under the first one's connections).
describe('serving role on the embedded PostgreSQL', () => {
  let folder: string;
  let embedded: EmbeddedDatabase;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'claimdesk-role-'));
    await chmod(folder, 0o755); // the postgres OS user must reach it when running as root
    embedded = await startEmbeddedPostgres(join(folder, 'pg'));
  }, 120_000);
  afterAll(async () => {
    await embedded?.stop();
    await rm(folder, { recursive: true, force: true });
  });

  it('logs in with a password over SCRAM as a role that cannot become the owner', async () => {
    // Three processes starting at once.
    const owners = await Promise.all([1, 2, 3].map(() => prepareServingRole(embedded.url)));
    expect(new Set(owners)).toEqual(new Set(['postgres']));

    const serving = new pg.Client({ connectionString: servingUrl(embedded.url) });
    await serving.connect();
    try {
      // Another process starting later keeps the password the open connections use.
      await prepareServingRole(embedded.url);
      const again = new pg.Client({ connectionString: servingUrl(embedded.url) });
      await again.connect();
      await again.end();

      const { rows } = await serving.query(
        `SELECT session_user AS name, rolsuper, rolcanlogin,
                pg_has_role(session_user, 'postgres', 'MEMBER') AS member
           FROM pg_roles WHERE rolname = session_user`,
      );
      expect(rows[0]).toEqual({
        name: SERVING_ROLE,
        rolsuper: false,
        rolcanlogin: true,
        member: false,
      });
      await expect(serving.query('SET ROLE postgres')).rejects.toMatchObject({ code: '42501' });
      await expect(
        serving.query(`SELECT set_config('role', 'postgres', false)`),
      ).rejects.toMatchObject({ code: '42501' });
    } finally {
      await serving.end();
    }

    // Without the password the server refuses: it is not trusting the address.
    const withoutPassword = new URL(servingUrl(embedded.url));
    withoutPassword.password = 'wrong';
    const refused = new pg.Client({ connectionString: withoutPassword.toString() });
    await expect(refused.connect()).rejects.toMatchObject({ code: '28P01' });
  }, 60_000);
});
