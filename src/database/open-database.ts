import { resolve } from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';
import { prepareServingRole, servingUrl } from './roles.js';

export const EMBEDDED_DATA_DIR = resolve('.claimdesk', 'pg');

export interface OpenedDatabase extends EmbeddedDatabase {
  // The owner's URL: migrations and role set-up only.
  ownerUrl: string;
}

// DATABASE_URL when given; otherwise the embedded server under ./.claimdesk/pg (started
// if it is not already running). Either way the schema is brought up to date as the
// owner, and `url` connects as the restricted serving role (src/database/roles.ts).
export async function openDatabase(databaseUrl: string | undefined): Promise<OpenedDatabase> {
  const database = databaseUrl
    ? { url: databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres(EMBEDDED_DATA_DIR);
  await runMigrations(database.url);
  await prepareServingRole(database.url);
  return { ...database, ownerUrl: database.url, url: servingUrl(database.url) };
}
