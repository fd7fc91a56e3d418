import pg from 'pg';

// The role requests are served as (SPEC §6). It owns nothing, cannot log in, and holds
// only INSERT and SELECT on audit_events, so neither a bug nor an injected statement in
// request code can rewrite history, even if the triggers were dropped. Migrations and
// this set-up run as the owner, the user of DATABASE_URL.
export const SERVING_ROLE = 'claimdesk_app';

// Tables the serving role only reads and appends to. schema_migrations is left out
// altogether: serving never needs it.
const APPEND_ONLY_TABLES = ['audit_events'];
const OWNER_ONLY_TABLES = ['schema_migrations'];

// The owner's URL with `options=-c role=claimdesk_app`: every connection made from it (the
// app's pool, the CLI's) starts as the serving role. PostgreSQL applies the start-up
// packet's options before the first query, so no pooled connection ever runs a statement
// as the owner. Trade-off: the session user is still the owner, so a statement that says
// `SET ROLE <owner>` would switch back; see docs/audit.md for a LOGIN role instead.
export function servingUrl(ownerUrl: string): string {
  const url = new URL(ownerUrl);
  const given = url.searchParams.get('options');
  const role = `-c role=${SERVING_ROLE}`;
  url.searchParams.set('options', given ? `${given} ${role}` : role);
  return url.toString();
}

// Concurrent CREATE ROLE / GRANT from processes starting at once (several test databases
// on one server, two replicas) can collide on the shared catalogs; such a collision is
// harmless and the next attempt sees the other's work.
const RETRYABLE = new Set(['23505', '42710', 'XX000', '40001', '40P01']);
const ATTEMPTS = 5;

// Idempotent: creates the role if missing, lets the owner switch to it, and grants this
// database's privileges. Grants are per database, so every database runs this at start.
export async function prepareServingRole(ownerUrl: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    try {
      await client.query('BEGIN');
      // Serialises replicas of one database; roles themselves are server-wide, hence the
      // retry above.
      await client.query('SELECT pg_advisory_xact_lock(4172003)');
      await createRole(client);
      await grantPrivileges(client);
      await client.query('COMMIT');
      return;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= ATTEMPTS || !code || !RETRYABLE.has(code)) {
        throw new Error(`could not prepare the serving role ${SERVING_ROLE}: ${String(error)}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    } finally {
      await client.end();
    }
  }
}

async function createRole(client: pg.Client): Promise<void> {
  await client.query(`
    DO $$
    BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${SERVING_ROLE}') THEN
        CREATE ROLE ${SERVING_ROLE} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE
          NOINHERIT NOREPLICATION NOBYPASSRLS;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN
      NULL; -- created a moment ago by another process
    END
    $$`);
  // A non-superuser owner (e.g. on a managed server) must be allowed to switch to it;
  // PostgreSQL 16 split that right (SET) from plain membership.
  await client.query(`
    DO $$
    DECLARE
      needed text := CASE WHEN current_setting('server_version_num')::int >= 160000
                          THEN 'SET' ELSE 'MEMBER' END;
    BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         AND NOT pg_has_role(current_user, '${SERVING_ROLE}', needed) THEN
        EXECUTE format('GRANT ${SERVING_ROLE} TO %I', current_user);
      END IF;
    END
    $$`);
}

async function grantPrivileges(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public'`,
  );
  await client.query(`GRANT USAGE ON SCHEMA public TO ${SERVING_ROLE}`);
  for (const { name } of rows) {
    const bare = name.replace(/"/g, '');
    await client.query(`REVOKE ALL ON ${name} FROM ${SERVING_ROLE}`);
    if (OWNER_ONLY_TABLES.includes(bare)) continue;
    const privileges = APPEND_ONLY_TABLES.includes(bare)
      ? 'SELECT, INSERT'
      : 'SELECT, INSERT, UPDATE, DELETE';
    await client.query(`GRANT ${privileges} ON ${name} TO ${SERVING_ROLE}`);
  }
  await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${SERVING_ROLE}`);
}
