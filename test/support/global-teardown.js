import pg from 'pg';

export default async function globalTeardown() {
  const { serverUrl, name } = globalThis.__claimdeskTestDatabase ?? {};
  if (serverUrl && name) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
  await globalThis.__claimdeskEmbedded?.stop();
}
