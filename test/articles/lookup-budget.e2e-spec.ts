import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SENTENCES_LOOKED_UP_AT_ONCE } from '../../src/articles/sentence-lookup-budget.js';
import { AppProcess, startApp } from '../support/app-process.js';
import {
  articleLookupsWaiting,
  ingestArticle,
  longArticle,
  whileClaimsLocked,
} from '../support/articles.js';
import { withClient } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, TestUser } from '../support/people.js';
import { pollUntil } from '../support/poll.js';
import { createScratchDatabase } from '../support/scratch-database.js';

const PROBLEM = 'https://claimdesk.dev/problems/';
// Over half the budget: two such articles may not be looked up at once.
const LONG = Math.floor(SENTENCES_LOOKED_UP_AT_ONCE / 2) + 100;

// The duplicates of an article's candidates are looked up on every ingest and read, one
// search per distinct sentence; a process looks up at most SENTENCES_LOOKED_UP_AT_ONCE at
// once, so readers of long articles cannot take every connection and core. The spec holds
// lookups in flight by locking `claims` (on a database of its own) while they run.
describe("articles' duplicate lookups, bounded by the sentences in flight", () => {
  let scratch: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let reporter: TestUser;
  const ids: Record<'first' | 'second' | 'short', string> = { first: '', second: '', short: '' };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url } });
    ({ reporter } = await createNewsroom(app.url));
    const ingest = (body: object) => ingestArticle(app.url, reporter.token, body);
    const first = await ingest(longArticle(LONG, 'Arlen'));
    expect(first.candidates).toHaveLength(LONG);
    ids.first = first.article.id;
    ids.second = (await ingest(longArticle(LONG, 'Brisk'))).article.id;
    ids.short = (await ingest(longArticle(5, 'Corve'))).article.id;
  }, 120_000);
  afterAll(async () => {
    await app?.stop();
    await scratch?.drop();
  });

  const read = (id: string) => client(app.url, reporter.token).get(`/api/v1/articles/${id}`);
  const lookupsWaiting = () => articleLookupsWaiting(scratch.url);
  const storedArticles = () =>
    withClient(scratch.url, async (db) => {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles');
      return rows[0]!.n;
    });

  it('refuses a second long article while one is looked up, with Retry-After, and serves short ones beside it', async () => {
    const before = await storedArticles();
    await whileClaimsLocked(scratch.url, async (release) => {
      const first = read(ids.first);
      expect(await pollUntil(lookupsWaiting, (n) => n === 1, { timeoutMs: 10_000 })).toBe(1);

      const second = await read(ids.second);
      expect(second.status).toBe(503);
      expect(second.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(second.body).toMatchObject({ type: `${PROBLEM}lookups-busy`, status: 503 });
      expect(second.body.detail).toContain(String(LONG));

      // An ingest is refused the same way, after extraction and before it stores anything.
      const ingest = await client(app.url, reporter.token).post('/api/v1/articles', {
        body: longArticle(LONG, 'Dunmore'),
      });
      expect(ingest.status).toBe(503);
      expect(ingest.body.type).toBe(`${PROBLEM}lookups-busy`);

      // The article alone (what a claim's page shows) looks nothing up.
      const alone = await read(`${ids.second}?candidates=false`);
      expect(alone.status).toBe(200);
      expect(alone.body.article.id).toBe(ids.second);

      // A short article fits beside the long one: admitted, it waits for the lock too.
      const short = read(ids.short);
      expect(await pollUntil(lookupsWaiting, (n) => n === 2, { timeoutMs: 10_000 })).toBe(2);

      await release();
      expect((await first).status).toBe(200);
      expect((await short).status).toBe(200);
    });
    expect(await storedArticles()).toBe(before);
    // Each lookup gave its sentences back: the refused article is served now.
    const again = await read(ids.second);
    expect(again.status).toBe(200);
    expect(again.body.candidates).toHaveLength(LONG);
  }, 60_000);
});
