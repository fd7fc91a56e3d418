import { withClient } from './database.js';
import { client } from './http.js';

// An article of `sentences` distinct sentences, each a candidate (a source and a figure):
// its duplicate lookup costs one search per sentence.
export const longArticle = (sentences: number, place: string) => ({
  title: `Flood damage in ${place}`,
  text: Array.from(
    { length: sentences },
    (_, i) => `Officials in ${place} said ${i + 10} homes were flooded.`,
  ).join(' '),
});

// Articles' duplicate lookups waiting for a lock on `claims` in the database at `url`: a
// spec that holds that lock holds them in flight.
export const articleLookupsWaiting = (url: string) =>
  withClient(url, async (db) => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'
          AND query LIKE '%similarity(c.text, s.sentence)%'`,
    );
    return rows[0]!.n;
  });

// Ingests an article through the API and returns the 201's body.
export async function ingestArticle(baseUrl: string, token: string, body: object) {
  const response = await client(baseUrl, token).post('/api/v1/articles', { body });
  if (response.status !== 201) {
    throw new Error(`could not ingest: ${response.status} ${response.text}`);
  }
  return response.body as { article: { id: string }; candidates: unknown[] };
}

// Runs `work` while a transaction in the database at `url` holds `claims` in ACCESS
// EXCLUSIVE mode, so every lookup that reads it waits; `release` commits it, as the end of
// `work` does at the latest.
export function whileClaimsLocked<T>(
  url: string,
  work: (release: () => Promise<void>) => Promise<T>,
): Promise<T> {
  return withClient(url, async (holder) => {
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE claims IN ACCESS EXCLUSIVE MODE');
    let released = false;
    const release = async () => {
      if (released) return;
      released = true;
      await holder.query('COMMIT');
    };
    try {
      return await work(release);
    } finally {
      await release();
    }
  });
}
