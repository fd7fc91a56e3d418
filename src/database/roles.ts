import { createHash, createHmac, pbkdf2Sync } from 'node:crypto';
import pg from 'pg';

// The role requests are served as (SPEC §6, §10): a LOGIN role, the session user of every
// serving connection, that owns nothing, is no superuser, is no member of the owner and
// holds only INSERT and SELECT on audit_events. A statement run by request code (a bug, an
// injection) cannot become the owner (`SET ROLE` needs membership) nor rewrite history,
// even if the triggers were dropped. Migrations and this set-up run as the owner, on
// connections closed before the service serves anything.
export const SERVING_ROLE = 'claimdesk_serving';

// Tables the serving role only reads and appends to. schema_migrations is left out
// altogether: serving never needs it.
const APPEND_ONLY_TABLES = ['audit_events'];
// Tables only the owner's own functions write (below); serving reads them.
const READ_ONLY_TABLES = ['claim_word_frequencies'];
const OWNER_ONLY_TABLES = ['schema_migrations'];
// The owner's tasks serving may ask for (their migrations say why): each granted once
// migrated.
const OWNER_TASKS = ['refresh_claim_word_statistics()', 'copy_claim_word_statistics()'];

// The serving role's password is derived from the owner's (HMAC-SHA-256), never random:
// every replica started with the same DATABASE_URL computes the same one, so a replica
// starting never changes the password under another one's open or future connections,
// and nothing has to be stored or shared. It is sent to the server as a SCRAM verifier
// (with a salt derived the same way), so the password itself never reaches the server or
// its logs. Without a password in the owner's URL (trust, peer, a .pgpass) none is set,
// and the serving role connects without one, as the owner did.
function derivedPassword(ownerPassword: string): string {
  return createHmac('sha256', ownerPassword)
    .update(`claimdesk serving role ${SERVING_ROLE}`)
    .digest('base64url');
}

const SCRAM_ITERATIONS = 4096;

// PostgreSQL's stored form of a SCRAM-SHA-256 password (RFC 5802, 7677), which ALTER ROLE
// accepts in place of the password.
function scramVerifier(password: string, saltSeed: string): string {
  const salt = createHmac('sha256', saltSeed).update('salt').digest().subarray(0, 16);
  const salted = pbkdf2Sync(password, salt, SCRAM_ITERATIONS, 32, 'sha256');
  const clientKey = createHmac('sha256', salted).update('Client Key').digest();
  const storedKey = createHash('sha256').update(clientKey).digest();
  const serverKey = createHmac('sha256', salted).update('Server Key').digest();
  return `SCRAM-SHA-256$${SCRAM_ITERATIONS}:${salt.toString('base64')}$${storedKey.toString('base64')}:${serverKey.toString('base64')}`;
}

const ownerPasswordOf = (ownerUrl: string) => decodeURIComponent(new URL(ownerUrl).password);

// The owner's URL with the serving role as its user (and its derived password): the URL
// the service's pools, the CLI and the exports connect with.
export function servingUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const ownerPassword = ownerPasswordOf(ownerUrl);
  url.username = SERVING_ROLE;
  url.password = ownerPassword ? encodeURIComponent(derivedPassword(ownerPassword)) : '';
  return url.toString();
}

// Concurrent CREATE ROLE / ALTER ROLE / GRANT from processes starting at once (several
// test databases on one server, two replicas) can collide on the shared catalogs; such a
// collision is harmless and the next attempt sees the other's work.
const RETRYABLE = new Set(['23505', '42710', 'XX000', '40001', '40P01']);
const ATTEMPTS = 5;

export interface ServingRoleSetup {
  // The role to serve as: SERVING_ROLE, created and kept up by the service, or a role an
  // operator made (DATABASE_URL's user when DATABASE_OWNER_URL is set), only granted to.
  role: string;
  managed: boolean;
}

// Idempotent: creates the managed role if missing (never drops or renames one), sets its
// derived password, and grants this database's privileges. Grants are per database, so
// every database runs this at start. Answers the owner's role name.
export async function prepareServingRole(
  ownerUrl: string,
  setup: ServingRoleSetup = { role: SERVING_ROLE, managed: true },
): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      // Serialises replicas of one database; roles themselves are server-wide, hence the
      // retry above.
      await client.query('SELECT pg_advisory_xact_lock(4172003)');
      if (setup.managed) await createRole(client, ownerPasswordOf(ownerUrl));
      await grantPrivileges(client, pg.escapeIdentifier(setup.role));
      const { rows } = await client.query<{ owner: string }>('SELECT current_user AS owner');
      await client.query('COMMIT');
      return rows[0].owner;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) {
        throw new Error(`could not prepare the serving role ${setup.role}: ${String(error)}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    } finally {
      await client.end();
    }
  }
}

async function createRole(client: pg.Client, ownerPassword: string): Promise<void> {
  await client.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${SERVING_ROLE}') THEN
        CREATE ROLE ${SERVING_ROLE} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
          NOINHERIT NOREPLICATION NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created a moment ago by another process
    END
    $$`);
  // Every replica sets the same verifier (derived, not random): see derivedPassword.
  const password = ownerPassword
    ? ` PASSWORD ${pg.escapeLiteral(scramVerifier(derivedPassword(ownerPassword), ownerPassword))}`
    : '';
  await client.query(`ALTER ROLE ${SERVING_ROLE} LOGIN${password}`);
}

function privilegesOn(table: string): string {
  if (APPEND_ONLY_TABLES.includes(table)) return 'SELECT, INSERT';
  if (READ_ONLY_TABLES.includes(table)) return 'SELECT';
  return 'SELECT, INSERT, UPDATE, DELETE';
}

async function grantPrivileges(client: pg.Client, role: string): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
  for (const { name } of rows) {
    const bare = name.replace(/"/g, '');
    await client.query(`REVOKE ALL ON ${name} FROM ${role}`);
    if (OWNER_ONLY_TABLES.includes(bare)) continue;
    await client.query(`GRANT ${privilegesOn(bare)} ON ${name} TO ${role}`);
  }
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
  for (const task of OWNER_TASKS) {
    const { rows: functions } = await client.query<{ present: boolean }>(
      `SELECT to_regprocedure($1) IS NOT NULL AS present`,
      [`public.${task}`],
    );
    if (functions[0]?.present) {
      await client.query(`GRANT EXECUTE ON FUNCTION public.${task} TO ${role}`);
    }
  }
}

// Refuses to serve from a connection that could become the owner: the serving URL's
// session user must be a different role, no superuser and no member of the owner.
export async function assertServingRoleRestricted(url: string, owner: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; superuser: boolean; member: boolean }>(
      `SELECT session_user AS role, r.rolsuper AS superuser,
              pg_has_role(session_user, $1, 'MEMBER') AS member
         FROM pg_roles r WHERE r.rolname = session_user`,
      [owner],
    );
    const { role, superuser, member } = rows[0];
    if (role === owner || superuser || member) {
      throw new Error(
        `the serving role ${role} could become the owner ${owner} ` +
          `(${role === owner ? 'it is the owner' : superuser ? 'superuser' : 'member of the owner'}): ` +
          'DATABASE_URL must name a role that owns nothing (see the README)',
      );
    }
  } finally {
    await client.end();
  }
}
