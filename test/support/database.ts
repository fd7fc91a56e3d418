import pg from 'pg';
import { testDatabaseUrl } from './app-process.js';

// A direct connection to the suite's database, for asserting what is really stored.
export async function withDatabase<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: testDatabaseUrl() });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
