import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { submitClaim } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { decidedClaim } from '../support/publications.js';
import { launchChromium, openClaim, openDesk, signIn } from './desk.js';

describe('desk: claimants (SPEC §15)', () => {
  let app: AppProcess;
  let browser: Browser;
  let people: Awaited<ReturnType<typeof createNewsroom>>;
  const tag = () => randomBytes(3).toString('hex');

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
    people = await createNewsroom(app.url);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  const newClaimant = async (body: Record<string, unknown>) => {
    const response = await client(app.url, people.editor.token).post('/api/v1/claimants', {
      body,
    });
    expect(response.status).toBe(201);
    return response.body as { id: string; name: string };
  };
  const claimOf = async (id: string) =>
    (await client(app.url, people.reporter.token).get(`/api/v1/claims/${id}`)).body;

  it('suggests a claimant by alias on the submit form, links it, and shows its page', async () => {
    const alias = `KMVA${tag()}`;
    const administration = await newClaimant({
      name: `Kyiv City Military Administration ${tag()}`,
      type: 'Organization',
      aliases: [alias],
    });
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    await page.goto('/#/submit');
    const text = `Air defence shot down 12 drones over the city (${tag()}).`;
    await page.getByLabel('Claim', { exact: true }).fill(text);
    await page.getByLabel('Claimant').fill(alias.toLowerCase());
    const suggestions = page.getByRole('list', { name: 'Claimant suggestions' });
    await suggestions.getByRole('button', { name: `Link to ${administration.name}` }).click();
    await page.getByTestId('claimant-link').getByText(administration.name).waitFor();
    await page.getByRole('button', { name: 'Submit claim' }).click();
    await page.locator('#claim-text').waitFor();
    const claimId = decodeURIComponent(page.url().split('#/claims/')[1]);
    expect(await claimOf(claimId)).toMatchObject({
      claimant: alias.toLowerCase(),
      claimantId: administration.id,
    });

    await page.getByTestId('claimant-profile').click();
    await page.getByRole('heading', { name: administration.name }).waitFor();
    await expect(page.getByText('0 decided claims').count()).resolves.toBe(1);
    const claims = page.getByRole('list', { name: 'Claims by this claimant' });
    await expect(claims.getByRole('link', { name: text }).count()).resolves.toBe(1);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('links and unlinks a claim from the edit panel, each an audited edit', async () => {
    const mayor = await newClaimant({ name: `Ihor Terekhov ${tag()}`, type: 'Person' });
    const claim = await submitClaim(app.url, people.reporter, { claimant: 'Ihor Terekhov' });
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    await openClaim(page, claim.id);
    await page.getByRole('button', { name: 'Edit claim' }).click();
    const form = page.getByRole('form', { name: 'Edit claim' });
    await form.getByRole('button', { name: `Link to ${mayor.name}` }).click();
    await form.getByTestId('claimant-link').getByText(mayor.name).waitFor();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('claimant-profile').waitFor();
    expect(await claimOf(claim.id)).toMatchObject({ claimantId: mayor.id, version: 2 });

    await page.getByRole('button', { name: 'Edit claim' }).click();
    await form.getByRole('button', { name: 'Unlink' }).click();
    await form.getByRole('button', { name: 'Save changes' }).click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('claimant-profile').waitFor({ state: 'detached' });
    expect(await claimOf(claim.id)).toMatchObject({ claimantId: null, version: 3 });
    const history = (
      await client(app.url, people.reporter.token).get(`/api/v1/claims/${claim.id}/history`)
    ).body.items as { type: string; data: { after: { claimantId?: string | null } } }[];
    expect(
      history
        .filter((event) => event.type === 'claim.edited')
        .map((event) => event.data.after.claimantId),
    ).toEqual([mayor.id, null]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lists more of a claimant’s claims than the latest on request', async () => {
    const source = await newClaimant({ name: `Prolific Source ${tag()}`, type: 'Person' });
    const texts: string[] = [];
    for (let i = 1; i <= 22; i++) {
      const claim = await submitClaim(app.url, people.reporter, {
        text: `Prolific claim number ${i} (${tag()})`,
        claimantId: source.id,
      });
      texts.push(claim.text);
    }
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.reporter);
    await page.goto(`/#/claimants/${source.id}`);
    const claims = page.getByRole('list', { name: 'Claims by this claimant' });
    await claims.getByRole('link', { name: texts[21] }).waitFor();
    await expect(claims.getByRole('listitem').count()).resolves.toBe(20);
    await page.getByRole('button', { name: 'More claims' }).click();
    await claims.getByRole('link', { name: texts[0] }).waitFor();
    await expect(claims.getByRole('listitem').count()).resolves.toBe(22);
    await expect(page.getByRole('button', { name: 'More claims' }).count()).resolves.toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('lets an editor record a new claimant from the picker; its page counts the verdicts', async () => {
    const name = `Regional Statistics Office ${tag()}`;
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.editor);
    await page.goto('/#/submit');
    await page.getByLabel('Claim', { exact: true }).fill('Grain exports fell by a third.');
    await page.getByLabel('Claimant').fill(name);
    await page.getByRole('button', { name: 'Record as Organization' }).click();
    await page.getByTestId('claimant-link').getByText(name).waitFor();
    const listed = await client(app.url, people.reporter.token).get(
      `/api/v1/claimants?q=${encodeURIComponent(name)}`,
    );
    const office = listed.body.items[0];
    expect(office).toMatchObject({ name, type: 'Organization' });

    // Two refuted and one verified claim linked to it: its page says so.
    const linked = { claimant: name, claimantId: office.id };
    await decidedClaim(app.url, people, 'refuted', linked);
    await decidedClaim(app.url, people, 'refuted', linked);
    await decidedClaim(app.url, people, 'verified', linked);
    await page.goto(`/#/claimants/${office.id}`);
    await page.getByRole('heading', { name }).waitFor();
    await expect(page.getByText('3 decided claims').count()).resolves.toBe(1);
    await expect(page.getByTestId('verdict-refuted').textContent()).resolves.toBe('2');
    await expect(page.getByTestId('verdict-verified').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('verdict-disputed').textContent()).resolves.toBe('0');
    expect(problems).toEqual([]);
    await context.close();
  });
});
