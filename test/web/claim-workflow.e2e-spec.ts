import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser, TestUser } from '../support/people.js';
import {
  BOTH_WINDOWS,
  findInQueue,
  horizontalOverflow,
  launchChromium,
  openClaim,
  openDesk,
  signIn,
  WINDOWS,
} from './desk.js';

const UN_VOTE =
  'The UN General Assembly voted 141-5 with 35 abstentions to demand that Russia withdraw from Ukraine.';

describe('editors desk: a claim from submission to decision', () => {
  let app: AppProcess;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof createNewsroom>>;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    people = await createNewsroom(app.url);
    // Named people for the claim page screenshot in docs/.
    people.reporter = await createUser(app.url, ['reporter'], { name: 'Dan Whitfield' });
    people.editor = await createUser(app.url, ['editor'], { name: 'Olena Kovalenko' });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  // A claim filed through the API, for scenarios about what happens next.
  const fileClaim = async (reporter: TestUser, text: string, priority = 'normal') => {
    const response = await client(app.url, reporter.token).post('/api/v1/claims', {
      body: { text, claimant: 'UN General Assembly', priority, tags: ['un-vote'] },
    });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const startReview = async (editor: TestUser, claimId: string) => {
    const response = await client(app.url, editor.token).post(
      `/api/v1/claims/${claimId}/transitions`,
      { body: { to: 'in_review' }, headers: { 'if-match': '"1"' } },
    );
    expect(response.status).toBe(200);
  };

  it('lets a reporter submit a claim with the form and lands on its page', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    await page.getByRole('link', { name: 'Submit a claim' }).first().click();
    await page.getByLabel('Claim', { exact: true }).fill(UN_VOTE);
    await page.getByLabel('Claimant').fill('UN General Assembly');
    await page.getByLabel('Priority').selectOption('high');
    await page.getByLabel('Tags').fill('ukraine, UN vote');
    await page.getByRole('button', { name: 'Submit claim' }).click();

    await expect(page.locator('#claim-text').textContent()).resolves.toBe(UN_VOTE);
    const claimId = decodeURIComponent(page.url().split('#/claims/')[1]);
    const stored = await client(app.url, people.reporter.token).get(`/api/v1/claims/${claimId}`);
    expect(stored.body).toMatchObject({
      text: UN_VOTE,
      claimant: 'UN General Assembly',
      priority: 'high',
      status: 'submitted',
      submittedBy: people.reporter.id,
    });
    expect(stored.body.tags).toEqual(expect.arrayContaining(['ukraine']));
    // A reporter gets no review buttons on their own claim, only withdraw.
    await expect(
      page.getByRole('region', { name: 'Decision' }).getByRole('button').allTextContents(),
    ).resolves.toEqual(['Withdraw']);
    // One event so far, counted in the singular.
    await page.getByTestId('chain-mark').getByText('chain verified (1 event)').waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an editor start review, attach a supporting source and verify, with the chain verified in the browser', async () => {
    const claimId = await fileClaim(people.reporter, UN_VOTE, 'urgent');
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.editor);

    // The claim is in the editor's queue, urgent and counted.
    await page.getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('list', { name: 'Claims per status' }).waitFor();
    await findInQueue(page, UN_VOTE);
    await openClaim(page, claimId);

    const decision = page.getByRole('region', { name: 'Decision' });
    await decision.getByRole('button', { name: 'Start review' }).click();
    await page.locator('.badge.status-in_review').first().waitFor();

    // Verifying with no supporting source: the service's 422 detail is shown.
    await decision.getByLabel('Rationale').fill('Matches the UN record of the vote.');
    await decision.getByRole('button', { name: 'Verify' }).click();
    await expect(decision.getByRole('alert').textContent()).resolves.toMatch(/support/i);
    await expect(decision.getByLabel('Rationale').inputValue()).resolves.toBe(
      'Matches the UN record of the vote.',
    );

    const evidence = page.getByRole('region', { name: 'Evidence' });
    await evidence
      .getByLabel('Source URL')
      .fill(`https://press.un.org/en/2022/ga12407-${Date.now()}.doc.htm`);
    await evidence.getByLabel('Source title').fill('General Assembly resolution ES-11/1');
    await evidence.getByLabel('Kind').selectOption('document');
    await evidence.getByLabel('Publisher').fill('United Nations');
    await evidence.getByLabel('Stance').selectOption('supports');
    await evidence.getByLabel('Note (optional)').fill('Records the vote as 141-5-35.');
    await evidence.getByRole('button', { name: 'Attach' }).click();
    await evidence
      .getByRole('list', { name: 'Attached sources' })
      .getByText('General Assembly resolution ES-11/1')
      .waitFor();

    await decision.getByRole('button', { name: 'Verify' }).click();
    await page.locator('.badge.status-verified').first().waitFor();
    await page.getByText('Matches the UN record of the vote.').first().waitFor();

    const history = page.getByRole('region', { name: 'History' });
    await history.getByText('in review → verified').waitFor();
    await history.getByTestId('chain-mark').getByText('chain verified').waitFor();

    const stored = await client(app.url, people.editor.token).get(`/api/v1/claims/${claimId}`);
    expect(stored.body).toMatchObject({ status: 'verified', decidedBy: people.editor.id });
    expect(stored.body.sources).toEqual([
      expect.objectContaining({ title: 'General Assembly resolution ES-11/1', stance: 'supports' }),
    ]);

    await page
      .getByRole('region', { name: 'Comments' })
      .getByLabel('Add a comment')
      .fill('Checked against the UN press release.');
    await page.getByRole('button', { name: 'Comment' }).click();
    await page.getByText('Checked against the UN press release.').last().waitFor();
    await history.getByText('Commented').waitFor();
    await history.getByTestId('chain-mark').getByText('chain verified').waitFor();

    // DESK_SCREENSHOT=1 refreshes the picture in docs/; other runs leave the tree alone.
    const picture =
      process.env.DESK_SCREENSHOT === '1'
        ? resolve('docs/claim-page.png')
        : join(tmpdir(), `claim-page-${process.pid}.png`);
    await page.screenshot({ path: picture, fullPage: true });
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows a second editor's stale decision as changed by someone else, keeping the rationale", async () => {
    const claimId = await fileClaim(
      people.reporter,
      `Russia says 498 troops killed (${Date.now()})`,
    );
    await startReview(people.editor, claimId);

    const first = await openDesk(browser, app.url);
    const second = await openDesk(browser, app.url);
    await signIn(first.page, people.editor);
    await signIn(second.page, people.secondEditor);
    await openClaim(first.page, claimId);
    await openClaim(second.page, claimId);

    const firstDecision = first.page.getByRole('region', { name: 'Decision' });
    await firstDecision.getByLabel('Rationale').fill('No independent count exists.');
    await firstDecision.getByRole('button', { name: 'Unverifiable' }).click();
    await first.page.locator('.badge.status-unverifiable').first().waitFor();

    const secondDecision = second.page.getByRole('region', { name: 'Decision' });
    const typed = 'Ministry figures only; marking unverifiable.';
    await secondDecision.getByLabel('Rationale').fill(typed);
    await secondDecision.getByRole('button', { name: 'Unverifiable' }).click();
    await expect(secondDecision.getByRole('alert').textContent()).resolves.toContain(
      'Changed by someone else — reload',
    );
    await expect(secondDecision.getByLabel('Rationale').inputValue()).resolves.toBe(typed);

    // Reloading shows the decision that won; the typed rationale is still there.
    await secondDecision.getByRole('button', { name: 'Reload' }).click();
    await second.page.locator('.badge.status-unverifiable').first().waitFor();
    await expect(secondDecision.getByLabel('Rationale').inputValue()).resolves.toBe(typed);

    const history = await client(app.url, people.editor.token).get(
      `/api/v1/claims/${claimId}/history`,
    );
    const decisions = history.body.items.filter((e: any) => e.toStatus === 'unverifiable');
    expect(decisions).toHaveLength(1);
    expect(decisions[0].actor.id).toBe(people.editor.id);
    await first.context.close();
    await second.context.close();
  });

  it('offers no review to the editor who submitted a claim, and nothing once it is withdrawn elsewhere', async () => {
    // An editor who submitted a claim sees no review buttons (four-eyes) ...
    const editorAuthor = await createUser(app.url, ['editor']);
    const own = await fileClaim(editorAuthor, `Own claim (${Date.now()})`);
    const desk = await openDesk(browser, app.url);
    await signIn(desk.page, editorAuthor);
    await openClaim(desk.page, own);
    await desk.page.getByText('another editor reviews and decides it').waitFor();
    await expect(
      desk.page.getByRole('region', { name: 'Decision' }).getByRole('button').allTextContents(),
    ).resolves.toEqual(['Withdraw']);

    // A claim withdrawn while an editor had it open.
    const claimId = await fileClaim(people.reporter, `Withdrawn meanwhile (${Date.now()})`);
    await openClaim(desk.page, claimId);
    const withdrawn = await client(app.url, people.reporter.token).post(
      `/api/v1/claims/${claimId}/transitions`,
      { body: { to: 'withdrawn', rationale: 'Duplicate.' }, headers: { 'if-match': '"1"' } },
    );
    expect(withdrawn.status).toBe(200);
    // The page still holds version 1: the service answers 412 first, then after a reload
    // the claim is withdrawn and final, so no buttons are offered at all.
    const decision = desk.page.getByRole('region', { name: 'Decision' });
    await decision.getByRole('button', { name: 'Start review' }).click();
    await expect(decision.getByRole('alert').textContent()).resolves.toContain(
      'Changed by someone else',
    );
    await decision.getByRole('button', { name: 'Reload' }).click();
    await desk.page.locator('.badge.status-withdrawn').first().waitFor();
    await expect(desk.page.getByRole('region', { name: 'Decision' }).count()).resolves.toBe(0);
    await desk.context.close();
  });

  it('holds the submit button while the claim is on its way, so it is filed once', async () => {
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    // The browser holds the submission for a moment before sending it on to the service,
    // as a slow network would.
    await page.route('**/api/v1/claims', async (route) => {
      if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, 1000));
      await route.continue();
    });
    const text = `Ministry says 1,204 wells were dug (${Date.now()})`;
    await page.getByRole('link', { name: 'Submit a claim' }).first().click();
    await page.getByLabel('Claim', { exact: true }).fill(text);
    await page.getByRole('button', { name: 'Submit claim' }).click();

    const sending = page.getByRole('button', { name: 'Submitting…' });
    await expect(sending.isDisabled()).resolves.toBe(true);
    await expect(page.locator('#claim-text').textContent()).resolves.toBe(text);
    const found = await client(app.url, people.reporter.token).get(
      `/api/v1/claims?q=${encodeURIComponent(text)}`,
    );
    expect(found.body.items.map((claim: { text: string }) => claim.text)).toEqual([text]);
    await context.close();
  });

  it('keeps the evidence being typed when the claim changed meanwhile, and says so', async () => {
    const claimId = await fileClaim(people.reporter, `Evidence raced (${Date.now()})`);
    await startReview(people.editor, claimId);
    const desk = await openDesk(browser, app.url);
    await signIn(desk.page, people.editor);
    await openClaim(desk.page, claimId);

    // A colleague attaches a source while the page still holds version 2.
    const elsewhere = await client(app.url, people.secondEditor.token).post(
      `/api/v1/claims/${claimId}/sources`,
      {
        body: {
          source: {
            url: `https://example.org/elsewhere-${Date.now()}`,
            title: 'Elsewhere',
            kind: 'media_report',
          },
          stance: 'context',
        },
        headers: { 'if-match': '"2"' },
      },
    );
    expect(elsewhere.status).toBe(201);

    const evidence = desk.page.getByRole('region', { name: 'Evidence' });
    await evidence.getByLabel('Source URL').fill(`https://example.org/mine-${Date.now()}`);
    await evidence.getByLabel('Source title').fill('Ministry casualty table');
    await evidence.getByRole('button', { name: 'Attach' }).click();
    const alert = evidence.getByRole('alert');
    await expect(alert.textContent()).resolves.toContain('Changed by someone else');
    await expect(alert.textContent()).resolves.toContain('What you typed is kept.');
    await expect(evidence.getByLabel('Source title').inputValue()).resolves.toBe(
      'Ministry casualty table',
    );
    await expect(evidence.getByRole('button', { name: 'Attach' }).isEnabled()).resolves.toBe(true);
    await desk.context.close();
  });

  it('lets a reporter follow the claims they submitted, counted by status', async () => {
    const reporter = await createUser(app.url, ['reporter']);
    const stamp = Date.now();
    const mine = [`Mine, waiting (${stamp})`, `Mine, in review (${stamp})`];
    await fileClaim(reporter, mine[0]);
    await startReview(people.editor, await fileClaim(reporter, mine[1]));
    await fileClaim(people.reporter, `Someone else's (${stamp})`);

    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, reporter);
    const filters = page.getByRole('search', { name: 'Filter claims' });
    await filters.getByLabel('Submitted by me').check();
    const list = page.getByRole('list', { name: 'Claims' });
    await list.getByRole('link', { name: mine[1] }).waitFor();
    await expect(list.getByRole('link').allTextContents()).resolves.toEqual(
      expect.arrayContaining(mine),
    );
    await expect(page.locator('ul.claim-list > li').count()).resolves.toBe(2);
    const counts = page.getByRole('list', { name: 'Claims per status' });
    const count = (status: string) =>
      counts.getByRole('button', { name: new RegExp(status, 'i') }).locator('.count-n');
    await expect(count('^\\d+\\s*submitted').textContent()).resolves.toBe('1');
    await expect(count('in review').textContent()).resolves.toBe('1');
    await expect(count('verified').textContent()).resolves.toBe('0');

    await filters.getByLabel('Submitted by me').uncheck();
    await list.getByRole('link', { name: `Someone else's (${stamp})` }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('keeps the queue’s filters in its address: back from a claim and after a reload', async () => {
    const tag = `floods-${Date.now()}`;
    const urgent = await client(app.url, people.reporter.token).post('/api/v1/claims', {
      body: { text: `Urgent flood claim (${tag})`, priority: 'urgent', tags: [tag] },
    });
    await client(app.url, people.reporter.token).post('/api/v1/claims', {
      body: { text: `Normal flood claim (${tag})`, priority: 'normal', tags: [tag] },
    });
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.editor);
    const filters = page.getByRole('search', { name: 'Filter claims' });
    await filters.getByLabel('Priority').selectOption('urgent');
    await filters.getByLabel('Tag').fill(tag);
    await filters.getByRole('button', { name: 'Filter' }).click();
    const list = page.getByRole('list', { name: 'Claims' });
    const shown = async () => {
      await list.getByRole('link', { name: `Urgent flood claim (${tag})` }).waitFor();
      await expect(list.getByRole('link').allTextContents()).resolves.toEqual([
        `Urgent flood claim (${tag})`,
      ]);
      await expect(filters.getByLabel('Priority').inputValue()).resolves.toBe('urgent');
      await expect(filters.getByLabel('Tag').inputValue()).resolves.toBe(tag);
    };
    await shown();

    await list.getByRole('link', { name: `Urgent flood claim (${tag})` }).click();
    await page.locator('#claim-text').waitFor();
    expect(page.url()).toContain(`#/claims/${urgent.body.id}`);
    await page.goBack();
    await shown();
    await page.reload();
    await shown();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('reads well on a narrow screen', async () => {
    const claimId = await fileClaim(people.reporter, `Narrow screen check (${Date.now()})`);
    const { page, context } = await openDesk(browser, app.url, WINDOWS.narrow);
    await signIn(page, people.editor);
    await openClaim(page, claimId);
    await expect(horizontalOverflow(page)).resolves.toBe(0);
    await context.close();
  });

  // A filter cut down to "Waiting (s" or "Any priorit" hides what the queue is showing.
  it.each(BOTH_WINDOWS)('shows each queue filter’s choice whole on %s', async (_, viewport) => {
    const { page, context } = await openDesk(browser, app.url, viewport);
    await signIn(page, people.editor);
    const filters = page.getByRole('search', { name: 'Filter claims' });
    await filters.getByLabel('Status').waitFor();
    // How wide each select's chosen text is in its own font, against the room inside it
    // (a string: the specs are compiled without the DOM's types).
    const selects = (await page.evaluate(`
      [...document.querySelectorAll('form[aria-label="Filter claims"] select')].map((select) => {
        const style = getComputedStyle(select);
        const context = document.createElement('canvas').getContext('2d');
        context.font = style.font;
        const text = select.options[select.selectedIndex].text;
        const room =
          select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
        return { text, fits: context.measureText(text).width <= room };
      })`)) as { text: string; fits: boolean }[];
    expect(selects.map(({ text }) => text)).toEqual([
      'Waiting (submitted, in review)',
      'Any priority',
      'Any language',
    ]);
    expect(selects.filter(({ fits }) => !fits)).toEqual([]);
    await context.close();
  });
});
