import { withClient } from './database.js';

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
