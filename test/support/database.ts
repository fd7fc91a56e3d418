import pg from 'pg';
import { testDatabaseUrl } from './app-process.js';

// A direct connection to the suite's database, for asserting what is really stored.
export function withDatabase<T>(work: (db: pg.Client) => Promise<T>): Promise<T> {
  return withClient(testDatabaseUrl(), work);
}

// The same on any database, e.g. a scratch one.
export async function withClient<T>(url: string, work: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end();
  }
}
