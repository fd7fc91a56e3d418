import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { SENTENCES_LOOKED_UP_AT_ONCE } from '../../src/articles/sentence-lookup-budget.js';
import { AppProcess, startApp } from '../support/app-process.js';
import {
  articleLookupsWaiting,
  ingestArticle,
  longArticle,
  whileClaimsLocked,
} from '../support/articles.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { pollUntil } from '../support/poll.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { launchChromium, openDesk, signIn } from './desk.js';

// Two articles whose lookups together fill the process's budget: while both run, any other
// article is refused (503 lookups-busy, Retry-After) — the desk must wait and try again.
const HALF = SENTENCES_LOOKED_UP_AT_ONCE / 2;

describe('editors desk: an article the service is too busy to look up just now', () => {
  let scratch: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let browser: Browser;
  let reporter: TestUser;
  const ids = { first: '', second: '', wanted: '' };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    app = await startApp({ env: { DATABASE_URL: scratch.url } });
    browser = await launchChromium();
    reporter = await createUser(app.url, ['reporter']);
    const ingest = async (body: object) =>
      (await ingestArticle(app.url, reporter.token, body)).article.id;
    ids.first = await ingest(longArticle(HALF, 'Arlen'));
    ids.second = await ingest(longArticle(HALF, 'Brisk'));
    ids.wanted = await ingest(longArticle(3, 'Quiet Harbour'));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await scratch?.drop();
  });

  it('says it is busy, tries again when the service said to, and then shows the article', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    const read = (id: string) => client(app.url, reporter.token).get(`/api/v1/articles/${id}`);
    // The two long lookups held in flight by a lock on claims.
    await whileClaimsLocked(scratch.url, async (release) => {
      const held = [read(ids.first), read(ids.second)];
      const waiting = () => articleLookupsWaiting(scratch.url);
      expect(await pollUntil(waiting, (n) => n === 2, { timeoutMs: 10_000 })).toBe(2);

      await page.goto(`/#/articles/${ids.wanted}`);
      const notice = page.getByRole('status').filter({ hasText: 'trying again in' });
      await notice.waitFor();
      expect(await notice.textContent()).toMatch(
        /^Duplicate lookups busy: trying again in \d+ s…$/,
      );

      await release();
      expect((await Promise.all(held)).map((response) => response.status)).toEqual([200, 200]);
    });
    // The page asks again after Retry-After (5 s) and shows the article.
    await page.getByRole('heading', { name: 'Flood damage in Quiet Harbour' }).waitFor({
      timeout: 15_000,
    });
    await expect(page.locator('li.candidate').count()).resolves.toBe(3);
    expect(await page.getByRole('status').filter({ hasText: 'trying again' }).count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
