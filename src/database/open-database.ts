import { resolve } from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';
import { assertServingRoleRestricted, prepareServingRole, servingUrl } from './roles.js';

export const EMBEDDED_DATA_DIR = resolve('.claimdesk', 'pg');

export interface OpenedDatabase extends EmbeddedDatabase {
  // The owner's URL: migrations and role set-up only.
  ownerUrl: string;
}

export interface DatabaseUrls {
  // DATABASE_URL: the owner, or with ownerUrl set, the restricted role to serve as.
  url?: string;
  // DATABASE_OWNER_URL: the owner, for migrations and grants.
  ownerUrl?: string;
}

// DATABASE_URL when given; otherwise the embedded server under ./.claimdesk/pg (started
// if it is not already running). Either way the schema is brought up to date as the
// owner, on connections closed again before this returns, and `url` connects as the
// restricted serving role (src/database/roles.ts):
// - DATABASE_URL names the owner (or embedded): the service creates claimdesk_serving
//   and serves as it;
// - DATABASE_OWNER_URL names the owner: DATABASE_URL names a role the operator made, which
//   is only granted to.
export async function openDatabase(urls: DatabaseUrls): Promise<OpenedDatabase> {
  const database = urls.url
    ? { url: urls.url, stop: async () => undefined }
    : await startEmbeddedPostgres(EMBEDDED_DATA_DIR);
  const ownerUrl = urls.ownerUrl ?? database.url;
  await runMigrations(ownerUrl);
  const given = urls.ownerUrl ? decodeURIComponent(new URL(database.url).username) : undefined;
  const owner = await prepareServingRole(
    ownerUrl,
    given ? { role: given, managed: false } : undefined,
  );
  const url = given ? database.url : servingUrl(database.url);
  await assertServingRoleRestricted(url, owner);
  return { ...database, ownerUrl, url };
}
