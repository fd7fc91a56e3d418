import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { submitClaim } from '../support/claims.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { launchChromium, openClaim, openDesk, signIn } from './desk.js';

// Words no other spec uses, so the shared database holds no look-alikes.
const word = () => `w${randomBytes(4).toString('hex')}`;

describe('desk: duplicates at submission and merging (SPEC §15)', () => {
  let app: AppProcess;
  let browser: Browser;
  let reporter: TestUser;
  let editor: TestUser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    reporter = await createUser(app.url, ['reporter'], { name: 'Lena Varga' });
    editor = await createUser(app.url, ['editor'], { name: 'Omar Haddad' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const current = async (id: string) =>
    (await client(app.url, reporter.token).get(`/api/v1/claims/${id}`)).body;

  it('lands on the new claim and warns that we may already have it, with links to the candidates', async () => {
    const text = `The ${word()} reservoir held ${word()} cubic metres in June`;
    const existing = await submitClaim(app.url, reporter, { text });
    const { page, problems } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    await page.goto('/#/submit');
    await page.getByLabel('Claim', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Submit claim' }).click();

    const warning = page.getByRole('region', { name: 'We may already have this claim' });
    await warning.waitFor();
    await expect(page.locator('#claim-text').textContent()).resolves.toBe(text);
    const submittedId = decodeURIComponent(page.url().split('#/claims/')[1]);
    expect(submittedId).not.toBe(existing.id);
    expect((await current(submittedId)).status).toBe('submitted');
    const candidates = warning.getByRole('list', { name: 'Possible duplicates' }).getByRole('link');
    await expect(candidates.count()).resolves.toBe(1);
    // The link reads as the existing claim's text once it has loaded.
    await candidates.first().getByText(text).waitFor();
    await expect(candidates.first().getAttribute('href')).resolves.toBe(`#/claims/${existing.id}`);
    await expect(warning.getByText('100% similar').count()).resolves.toBe(1);

    await candidates.first().click();
    await page.waitForURL(`**/#/claims/${existing.id}`);
    await page.locator('#claim-text').getByText(text).waitFor();
    // The warning belongs to the claim just submitted, not to the one it links to.
    await expect(page.getByText('We may already have this claim').count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('shows no warning when nothing looks like the new claim', async () => {
    const { page } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    await page.goto('/#/submit');
    const text = `${word()} ${word()} ${word()} ${word()}`;
    await page.getByLabel('Claim', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await page.locator('#claim-text').getByText(text).waitFor();
    await page.getByTestId('chain-mark').waitFor();
    await expect(page.getByText('We may already have this claim').count()).resolves.toBe(0);
    await page.context().close();
  });

  it('lets an editor find the target, merge with a rationale, and shows the merged state', async () => {
    const marker = word();
    const target = await submitClaim(app.url, reporter, {
      text: `Flooding closed the ${marker} bridge for a week`,
    });
    const duplicate = await submitClaim(app.url, reporter, {
      text: `The ${marker} bridge was shut by floods`,
    });
    const { page, problems } = await openDesk(browser, app.url);
    await signIn(page, editor);
    await openClaim(page, duplicate.id);

    const panel = page.getByRole('region', { name: 'Merge a duplicate' });
    await panel.getByLabel('Duplicate of').fill(marker);
    await panel.getByRole('button', { name: 'Find' }).click();
    const option = panel.getByRole('radio', { name: /Flooding closed the/ });
    await option.check();
    // The claim itself is never offered as its own target.
    await expect(panel.getByRole('radio').count()).resolves.toBe(1);
    await panel.getByLabel('Why they are the same').fill('Same bridge, same week.');
    await panel.getByRole('button', { name: 'Merge into the selected claim' }).click();

    const notice = page.locator('.merged-notice');
    await notice.getByRole('link', { name: /Flooding closed the/ }).waitFor();
    await expect(page.locator('.claim-head .badge.status-merged').textContent()).resolves.toBe(
      'merged',
    );
    // Closed for good: no merge, no decision offered any more.
    await expect(page.getByRole('region', { name: 'Merge a duplicate' }).count()).resolves.toBe(0);
    await expect(page.getByRole('region', { name: 'Decision' }).count()).resolves.toBe(0);
    await page.getByText('Merged into another claim').waitFor();
    expect(await current(duplicate.id)).toMatchObject({
      status: 'merged',
      mergedInto: target.id,
      rationale: 'Same bridge, same week.',
    });

    await notice.getByRole('link').click();
    await page.locator('#claim-text').getByText(`Flooding closed the ${marker} bridge`).waitFor();
    await page.getByText('A duplicate was merged in').waitFor();
    await page.getByRole('link', { name: 'the merged claim' }).waitFor();
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('finds the target by a pasted desk link, and keeps the rationale on a 412', async () => {
    const target = await submitClaim(app.url, reporter, { text: `Target ${word()}` });
    const duplicate = await submitClaim(app.url, reporter, { text: `Copy ${word()}` });
    const { page } = await openDesk(browser, app.url);
    await signIn(page, editor);
    await openClaim(page, duplicate.id);
    const panel = page.getByRole('region', { name: 'Merge a duplicate' });
    await panel.getByLabel('Duplicate of').fill(`${app.url}/#/claims/${target.id}`);
    await panel.getByRole('button', { name: 'Find' }).click();
    await panel.getByRole('radio', { name: new RegExp(target.text) }).check();
    await panel.getByLabel('Why they are the same').fill('Same words.');

    // Someone edits the claim meanwhile: the merge meets a newer version.
    const edited = await client(app.url, reporter.token).patch(`/api/v1/claims/${duplicate.id}`, {
      body: { tags: ['changed'] },
      headers: { 'if-match': '"1"' },
    });
    expect(edited.status).toBe(200);
    await panel.getByRole('button', { name: 'Merge into the selected claim' }).click();
    await panel.getByText('Changed by someone else').waitFor();
    await expect(panel.getByLabel('Why they are the same').inputValue()).resolves.toBe(
      'Same words.',
    );
    expect((await current(duplicate.id)).status).toBe('submitted');
    await page.context().close();
  });

  it('offers no merge to reporters', async () => {
    const claim = await submitClaim(app.url, reporter);
    const { page } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    await openClaim(page, claim.id);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect(page.getByRole('region', { name: 'Merge a duplicate' }).count()).resolves.toBe(0);
    await page.context().close();
  });
});
