// Gives the whole run one throwaway database, migrated once (STYLE.md item 10):
// on DATABASE_URL's server when set, else on an embedded PostgreSQL in a temp folder.
// Plain JavaScript: jest loads it natively, and it uses the built service from dist/.
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations } from '../../dist/database/migrate.js';
import { startEmbeddedPostgres } from '../../dist/database/embedded-postgres.js';

export default async function globalSetup() {
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = await mkdtemp(join(tmpdir(), 'claimdesk-test-'));
    await chmod(dir, 0o755); // the postgres OS user must reach it when running as root
    const embedded = await startEmbeddedPostgres(join(dir, 'pg'));
    globalThis.__claimdeskEmbedded = embedded;
    serverUrl = embedded.url;
  }
  const name = `claimdesk_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_DATABASE_SERVER_URL = serverUrl;
  globalThis.__claimdeskTestDatabase = { serverUrl, name };
  await runMigrations(url.toString());
}
