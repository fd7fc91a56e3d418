import { randomBytes } from 'node:crypto';
import pg from 'pg';

// A database of its own for specs that need an empty one (first start, bootstrap), on the
// same server as the suite's database. Dropped by the returned function.
export async function createScratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_SERVER_URL;
  if (!serverUrl)
    throw new Error('TEST_DATABASE_SERVER_URL is not set: run the suite with npm test');
  const name = `claimdesk_scratch_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
