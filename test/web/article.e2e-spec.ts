import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { BOTH_WINDOWS, horizontalOverflow, launchChromium, openDesk, signIn } from './desk.js';

// Three paragraphs of a wire report (NewsNation Now, March 2022).
const TOLL =
  'So far, Ukraine’s State Emergency Service has said more than 2,000 civilians have died, though it was impossible to verify that claim.';
const STORY = [
  'Mariupol Mayor Vadym Boychenko said the attacks there had been relentless.',
  'The vote on the resolution, entitled “Aggression Against Ukraine,” was 141-5 with 35 abstentions.',
  TOLL,
].join('\n');

describe('editors desk: turning an article into claims', () => {
  let app: AppProcess;
  let browser: Browser;
  let reporter: TestUser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    reporter = await createUser(app.url, ['reporter']);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const ingest = async (page: Page, title: string) => {
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.getByRole('link', { name: 'Paste an article' }).click();
    await page.getByLabel('Headline').fill(title);
    await page.getByLabel('Outlet').fill('NewsNation Now');
    await page.getByLabel('Article text').fill(STORY);
    await page.getByRole('button', { name: 'Find claims' }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    return page.locator('li.candidate').filter({ hasText: 'more than 2,000 civilians' });
  };

  it('shows candidates with claimant, figures and hedges marked, and files one as a claim in one click', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    const title = `Ports surrounded ${Date.now()}`;
    const candidate = await ingest(page, title);

    await expect(candidate.locator('mark.hl-figure').allTextContents()).resolves.toContain(
      'more than 2,000',
    );
    await expect(candidate.locator('mark.hl-hedge').allTextContents()).resolves.toContain(
      'impossible to verify',
    );
    await expect(candidate.locator('mark.hl-claimant').first().textContent()).resolves.toContain(
      'State Emergency Service',
    );

    await candidate.getByRole('button', { name: 'Make a claim' }).click();
    await candidate.getByRole('link', { name: 'Open it' }).click();
    await page.locator('#claim-text').waitFor();
    await expect(page.locator('#claim-text').textContent()).resolves.toBe(TOLL);
    // Where it appeared: the article's passage, with this sentence highlighted.
    await expect(
      page.getByTestId('appearance-excerpt').locator('mark.hl-sentence').textContent(),
    ).resolves.toBe(TOLL);

    const claimId = decodeURIComponent(page.url().split('#/claims/')[1]);
    const stored = await client(app.url, reporter.token).get(`/api/v1/claims/${claimId}`);
    expect(stored.body.articleId).toEqual(expect.any(String));
    expect(stored.body.span.end - stored.body.span.start).toBe(TOLL.length);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists the articles newest first, and an article opened again says which candidate was filed', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    const older = `Shelling of Mariupol ${Date.now()}`;
    await ingest(page, older);
    const title = `Kherson seized ${Date.now()}`;
    const candidate = await ingest(page, title);
    await candidate.getByRole('button', { name: 'Make a claim' }).click();
    await candidate.getByRole('link', { name: 'Open it' }).waitFor();

    await page.getByRole('link', { name: 'Articles' }).click();
    const rows = page.getByTestId('article');
    await rows.first().waitFor();
    const headlines = await rows.getByRole('link').allTextContents();
    expect(headlines.indexOf(title)).toBeLessThan(headlines.indexOf(older));
    const row = rows.filter({ hasText: title });
    await expect(row.textContent()).resolves.toMatch(/NewsNation Now · English/);
    await expect(row.textContent()).resolves.toMatch(/3 candidates · 1 claim filed/);
    await expect(rows.filter({ hasText: older }).textContent()).resolves.toMatch(/0 claims filed/);

    // Back on the article: the filed candidate says so and links to its claim; the others
    // can still be filed.
    await row.getByRole('link', { name: title }).click();
    await page.getByRole('heading', { name: title }).waitFor();
    const filed = page.locator('li.candidate').filter({ hasText: 'more than 2,000 civilians' });
    await expect(filed.getByRole('status').textContent()).resolves.toMatch(
      /^submitted\s*Filed as a claim\. Open it$/,
    );
    await expect(filed.getByRole('button').count()).resolves.toBe(0);
    // Its own claim is not offered as a duplicate of it (other claims of the toll may be).
    const own = await filed.getByRole('link', { name: 'Open it' }).getAttribute('href');
    const duplicates = await filed.getByRole('note').getByRole('link').all();
    for (const link of duplicates) await expect(link.getAttribute('href')).resolves.not.toBe(own);
    await expect(
      page.locator('li.candidate').getByRole('button', { name: 'Make a claim' }).count(),
    ).resolves.toBe(2);
    await filed.getByRole('link', { name: 'Open it' }).click();
    await page.locator('#claim-text').waitFor();
    await expect(page.locator('#claim-text').textContent()).resolves.toBe(TOLL);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds articles by headline, outlet or URL, and says when none matches', async () => {
    const tag = `ferry${Date.now()}`;
    const api = client(app.url, reporter.token);
    for (const title of [`Night ${tag} sails`, 'Unrelated budget story']) {
      await api.post('/api/v1/articles', { body: { title, text: TOLL } });
    }
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.getByTestId('article').first().waitFor();
    const search = page.getByRole('search', { name: 'Find articles' });
    await search.getByLabel('Headline, outlet or URL').fill(tag.toUpperCase());
    await search.getByRole('button', { name: 'Find' }).click();
    await page
      .getByTestId('article')
      .getByRole('link', { name: `Night ${tag} sails` })
      .waitFor();
    await expect(page.getByTestId('article').count()).resolves.toBe(1);

    await search.getByLabel('Headline, outlet or URL').fill(`${tag}-nowhere`);
    await search.getByRole('button', { name: 'Find' }).click();
    await page
      .getByText(`No article’s headline, outlet or URL contains “${tag}-nowhere”.`)
      .waitFor();
    await expect(page.getByTestId('article').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('names an untitled article by the start of its text, never cutting an emoji in two', async () => {
    const start = `${'A'.repeat(89)}🚢`;
    await client(app.url, reporter.token).post('/api/v1/articles', {
      body: { text: `${start} Officials said 12 ships sank in the storm.` },
    });
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    await page.goto('/#/articles');
    const link = page.getByTestId('article').getByRole('link', { name: new RegExp(`^${start}`) });
    await expect(link.first().textContent()).resolves.toBe(`${start}…`);
    await context.close();
  });

  it.each(BOTH_WINDOWS)('shows the list of articles whole on %s', async (_, viewport) => {
    // Untitled, so named by the start of its text: one word longer than a phone is wide.
    const word = 'Zaporizhzhia'.repeat(8);
    await client(app.url, reporter.token).post('/api/v1/articles', {
      body: { text: `${word} officials said 12 people were hurt. ${TOLL}` },
    });
    const { page, context, problems } = await openDesk(browser, app.url, viewport);
    await signIn(page, reporter);
    await page.goto('/#/articles');
    await page
      .getByRole('link', { name: new RegExp(`^${word.slice(0, 60)}`) })
      .first()
      .waitFor();
    await expect(horizontalOverflow(page)).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('flags a candidate that is already on file as a possible duplicate', async () => {
    const filed = await client(app.url, reporter.token).post('/api/v1/claims', {
      body: { text: TOLL, claimant: 'Ukraine’s State Emergency Service' },
    });
    expect(filed.status).toBe(201);
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    const candidate = await ingest(page, `Ports surrounded again ${Date.now()}`);
    await candidate.getByRole('note').getByText('Possible duplicate of').waitFor();
    await candidate.getByRole('button', { name: 'Make a claim anyway' }).waitFor();
    await context.close();
  });
});
