import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { move } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { decidedClaim } from '../support/publications.js';
import { launchChromium, openClaim, openDesk, signIn } from './desk.js';

// The browser's getComputedStyle, as a spec compiled without the DOM library names it.
type StyledWindow = { getComputedStyle(node: unknown): { fontWeight: string } };

const CLAIM = 'The city doubled its spending on road repairs last year, to 48 million euros.';

describe('editors desk: publishing a fact-check', () => {
  let app: AppProcess;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof createNewsroom>>;

  beforeAll(async () => {
    app = await startApp({
      env: { NEWSROOM_NAME: 'The Riverside Ledger', NEWSROOM_URL: 'https://ledger.example.org' },
    });
    browser = await launchChromium();
    people = await createNewsroom(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  // The public page as a signed-out reader sees it, with any CSP violation it reports.
  const readPublicPage = async (path: string, width = 1280) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`${message.text()} ${message.location().url}`);
    });
    page.on('pageerror', (error) => problems.push(error.message));
    const response = await page.goto(`${app.url}${path}`);
    return { page, context, problems, status: response?.status() };
  };
  const screenshot = async (page: Page, name: string) => {
    // DESK_SCREENSHOT=1 refreshes the pictures in docs/; other runs leave the tree alone.
    const picture =
      process.env.DESK_SCREENSHOT === '1'
        ? resolve(`docs/${name}.png`)
        : join(tmpdir(), `${name}-${process.pid}.png`);
    await page.screenshot({ path: picture, fullPage: true });
  };

  it('decides, publishes, shows the page signed out, and publishes a correction after a re-decision', async () => {
    const { claim } = await decidedClaim(
      app.url,
      people,
      'refuted',
      { text: CLAIM, claimant: 'Deputy Mayor Jan Novak', claimedAt: '2026-11-28' },
      'Internal: confirmed by phone with the treasurer.',
      { title: 'City of Riverside: annual accounts 2025', publisher: 'City finance office' },
    );
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.editor);
    await openClaim(page, claim.id);

    const panel = page.getByRole('region', { name: 'Public fact-check' });
    await panel.getByLabel('Headline').fill('No, road repair spending did not double');
    await panel.getByText('39/110').waitFor();
    await panel
      .getByLabel('Public summary')
      .fill(
        'The city’s published accounts show road repair spending rose from 41 to 44 million euros, an increase of about 7 percent.\n\nThe 48 million figure is the budget planned for next year, not last year’s spending.',
      );
    await panel.getByLabel('Claimant is a').selectOption('Person');
    await panel.getByRole('checkbox').first().check();
    await panel.getByRole('button', { name: 'Preview' }).click();
    const preview = page.frameLocator('iframe.preview');
    await preview
      .getByRole('heading', { name: 'No, road repair spending did not double' })
      .waitFor();
    await preview.getByText('Our verdict').waitFor();
    // Styled by the public page's own stylesheet, as readers see it.
    await expect(
      preview.locator('.verdict-value').evaluate(
        // Runs in the frame: only what is written here is there.
        (node) => (globalThis as unknown as StyledWindow).getComputedStyle(node).fontWeight,
      ),
    ).resolves.toBe('800');

    await panel.getByRole('button', { name: 'Publish', exact: true }).click();
    const link = panel.getByRole('link', { name: /\/fact-checks\// });
    await link.waitFor();
    const slugPath = new URL((await link.getAttribute('href'))!).pathname;
    expect(slugPath).toBe('/fact-checks/no-road-repair-spending-did-not-double');

    const reader = await readPublicPage(slugPath);
    expect(reader.status).toBe(200);
    await reader.page
      .getByRole('heading', { name: 'No, road repair spending did not double' })
      .waitFor();
    await expect(reader.page.locator('.verdict-value').textContent()).resolves.toBe('False');
    const ld = JSON.parse(
      (await reader.page.locator('script[type="application/ld+json"]').textContent())!,
    );
    expect(ld).toMatchObject({ '@type': 'ClaimReview', claimReviewed: CLAIM });
    await expect(reader.page.content()).resolves.not.toContain('treasurer');
    await screenshot(reader.page, 'fact-check-page');
    expect(reader.problems).toEqual([]);
    await reader.context.close();
    const phone = await readPublicPage(slugPath, 390);
    await screenshot(phone.page, 'fact-check-page-phone');
    const overflow = await phone.page.evaluate(
      'document.documentElement.scrollWidth > window.innerWidth',
    );
    expect(overflow).toBe(false);
    await phone.context.close();

    // Reopened and re-decided: the public page keeps the published snapshot…
    const before = await client(app.url).get(slugPath);
    const current = (await client(app.url, people.editor.token).get(`/api/v1/claims/${claim.id}`))
      .body;
    const reopened = await move(app.url, people.editor, current, 'in_review', 'New figures.');
    await move(app.url, people.secondEditor, reopened, 'disputed', 'The office now disputes it.');
    expect((await client(app.url).get(slugPath)).text).toBe(before.text);

    // …until an editor publishes a correction, which the page lists.
    await openClaim(page, claim.id);
    await panel
      .getByLabel('Correction note')
      .fill('The finance office revised its figures; the verdict is now Disputed.');
    await panel.getByRole('button', { name: 'Publish correction' }).click();
    await panel.getByText('Version 2').waitFor();
    const corrected = await readPublicPage(slugPath);
    await corrected.page.getByRole('heading', { name: 'Corrections' }).waitFor();
    await corrected.page.getByText('the verdict is now Disputed').waitFor();
    await expect(corrected.page.locator('.verdict-value').textContent()).resolves.toBe('Disputed');
    await corrected.context.close();

    // The claim's history says so in words, with the note readers got.
    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('Fact-check corrected').waitFor();
    await expect(history.getByText('Fact-check published').count()).resolves.toBe(1);
    await history.getByText('“The finance office revised its figures').waitFor();
    await expect(
      history.getByRole('link', { name: 'version 2 of the public page' }).getAttribute('href'),
    ).resolves.toMatch(new RegExp(`${slugPath}$`));

    expect(problems).toEqual([]);
    await context.close();
  });
});
