import { resolve } from 'node:path';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres.js';
import { runMigrations } from './migrate.js';

export const EMBEDDED_DATA_DIR = resolve('.claimdesk', 'pg');

// DATABASE_URL when given; otherwise the embedded server under ./.claimdesk/pg (started
// if it is not already running). Either way the schema is brought up to date.
export async function openDatabase(databaseUrl: string | undefined): Promise<EmbeddedDatabase> {
  const database = databaseUrl
    ? { url: databaseUrl, stop: async () => undefined }
    : await startEmbeddedPostgres(EMBEDDED_DATA_DIR);
  await runMigrations(database.url);
  return database;
}
