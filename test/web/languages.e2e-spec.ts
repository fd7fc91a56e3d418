import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { launchChromium, openClaim, openDesk, signIn } from './desk.js';

const TOLL_UK =
  'Понад 2000 цивільних загинули, повідомила Державна служба з надзвичайних ситуацій.';

describe('editors desk: claims and articles in other languages', () => {
  let app: AppProcess;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof createNewsroom>>;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    people = await createNewsroom(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('submits a claim in a chosen language, refusing a tag that is none, and shows it', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    await page.getByRole('link', { name: 'Submit a claim' }).first().click();
    await page.getByLabel('Claim', { exact: true }).fill(TOLL_UK);
    const language = page.getByLabel('Language');
    // The picker offers the common languages; any tag may be typed.
    await expect(
      page.locator('datalist#common-languages option[value="uk"]').count(),
    ).resolves.toBe(1);

    await language.fill('Ukrainian');
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not a language tag/);
    await expect(language.getAttribute('aria-invalid')).resolves.toBe('true');

    await language.fill('uk-UA');
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await expect(page.locator('#claim-text').textContent()).resolves.toBe(TOLL_UK);
    await expect(page.locator('#claim-text').getAttribute('lang')).resolves.toBe('uk-UA');
    await page.getByText('Ukrainian (Ukraine) (uk-UA)').waitFor();

    const claimId = decodeURIComponent(page.url().split('#/claims/')[1]);
    const stored = await client(app.url, people.reporter.token).get(`/api/v1/claims/${claimId}`);
    expect(stored.body.language).toBe('uk-UA');
    // Only one claim was made: the refused tag never reached the service.
    const mine = await client(app.url, people.reporter.token).get(
      `/api/v1/claims?submittedBy=${people.reporter.id}`,
    );
    expect(mine.body.items).toHaveLength(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an editor change a claim’s language, shown in the queue and on the page', async () => {
    // A count of its own, so that the row is this claim's whatever else the suite filed.
    const count = 100_000 + Math.floor(Math.random() * 900_000);
    const filed = await client(app.url, people.reporter.token).post('/api/v1/claims', {
      body: { text: `Более ${count} мирных жителей погибли в Мариуполе.`, language: 'en' },
    });
    expect(filed.status).toBe(201);
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.editor);
    await openClaim(page, filed.body.id);
    await page.getByText('English (en)').waitFor();

    await page.getByRole('button', { name: 'Edit claim' }).click();
    const form = page.getByRole('form', { name: 'Edit claim' });
    await expect(form.getByLabel('Language').inputValue()).resolves.toBe('en');
    await form.getByLabel('Language').fill('ru');
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Russian (ru)').waitFor();
    await expect(page.locator('#claim-text').getAttribute('lang')).resolves.toBe('ru');

    const stored = await client(app.url, people.editor.token).get(
      `/api/v1/claims/${filed.body.id}`,
    );
    expect(stored.body).toMatchObject({ language: 'ru', version: 2 });

    // The queue's search finds it by another form of a Russian word, now it is Russian.
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByLabel('Search text and claimant').fill('жителями');
    await page.getByRole('button', { name: 'Filter' }).click();
    const row = page.locator('li.claim-row').filter({ hasText: `Более ${count} мирных` });
    await expect(row.locator('.badge.language').textContent()).resolves.toBe('ru');
    // The language filter applies at once: not among Ukrainian claims, back among Russian.
    const filters = page.getByRole('search', { name: 'Filter claims' });
    await filters.getByLabel('Language').selectOption('uk');
    await row.waitFor({ state: 'detached' });
    await filters.getByLabel('Language').selectOption('ru');
    await row.waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('ingests an article in Ukrainian, says what extraction ran, and files a claim in it', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    await page.getByRole('link', { name: 'Articles' }).click();
    await page.getByRole('link', { name: 'Paste an article' }).click();
    const title = `Обстріли Маріуполя ${Date.now()}`;
    await page.getByLabel('Headline').fill(title);
    await page.getByLabel('Language').fill('uk');
    await page.getByLabel('Article text').fill(`Обстріли Маріуполя тривають.\n${TOLL_UK}`);
    await page.getByRole('button', { name: 'Find claims' }).click();
    await page.getByRole('heading', { name: title }).waitFor();

    const extraction = page.getByLabel('Extraction');
    await expect(extraction.textContent()).resolves.toMatch(
      /Ukrainian \(uk\) · found sentences, figures/,
    );
    await expect(extraction.textContent()).resolves.toMatch(/English articles only/);
    const candidate = page.locator('li.candidate').filter({ hasText: 'цивільних' });
    await expect(candidate.locator('mark.hl-figure').allTextContents()).resolves.toEqual(['2000']);

    await candidate.getByRole('button', { name: 'Make a claim' }).click();
    await candidate.getByRole('link', { name: 'Open it' }).click();
    await page.locator('#claim-text').waitFor();
    await page.getByText('Ukrainian (uk)').waitFor();
    const claimId = decodeURIComponent(page.url().split('#/claims/')[1]);
    const stored = await client(app.url, people.reporter.token).get(`/api/v1/claims/${claimId}`);
    expect(stored.body.language).toBe('uk');
    expect(problems).toEqual([]);
    await context.close();
  });
});
