import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { launchChromium, openDesk, signIn } from './desk.js';

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
