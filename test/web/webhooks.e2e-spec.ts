import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { createUser, TestUser } from '../support/people.js';
import { Receiver, startReceiver, verified } from '../events/support/receiver.js';
import { webhookDatabase } from '../events/support/webhooks.js';
import { launchChromium, openDesk, signIn } from './desk.js';

describe('editors desk: the webhooks page', () => {
  let app: AppProcess;
  let browser: Browser;
  let admin: TestUser;
  let editor: TestUser;
  let receiver: Receiver;
  let database: Awaited<ReturnType<typeof webhookDatabase>>;

  beforeAll(async () => {
    database = await webhookDatabase();
    app = await startApp({ env: database.env });
    browser = await launchChromium();
    [admin, editor] = await Promise.all([
      createUser(app.url, ['admin']),
      createUser(app.url, ['editor']),
    ]);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    await browser?.close();
    await app?.stop();
    await database?.drop();
  });

  it('lets an admin subscribe, see the secret once, read the log and redeliver', async () => {
    const { page, problems } = await openDesk(browser, app.url);
    await signIn(page, admin);
    await page.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', level: 1 }).waitFor();

    await page.getByLabel('Receiver URL').fill(receiver.url);
    await page.getByLabel('Events').fill('claim.*');
    await page.getByLabel('Description').fill('Newsroom CMS');
    await page.getByRole('button', { name: 'Create webhook' }).click();
    const secret = (await page.getByTestId('webhook-secret').textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.getByTestId('webhook').filter({ hasText: receiver.url }).waitFor();

    await page.getByRole('button', { name: 'Send a ping' }).click();
    await receiver.waitFor((received) => received.length >= 1);
    expect(() => verified(secret, receiver.received[0])).not.toThrow();
    await page.getByRole('button', { name: 'Refresh' }).click();
    const delivery = page.getByTestId('delivery').first();
    await delivery.getByText('delivered').waitFor();
    await expect(delivery.getByTestId('delivery-code').textContent()).resolves.toBe('HTTP 200');

    await delivery.getByRole('button', { name: 'Redeliver' }).click();
    await receiver.waitFor((received) => received.length >= 2);
    expect(receiver.received[1].headers['webhook-id']).toBe(
      receiver.received[0].headers['webhook-id'],
    );

    // The secret is not shown again once the page is reloaded.
    await page.reload();
    await page.getByTestId('webhook').first().waitFor();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('shows no webhooks link to an editor', async () => {
    const { page } = await openDesk(browser, app.url);
    await signIn(page, editor);
    expect(await page.getByRole('link', { name: 'Webhooks' }).count()).toBe(0);
  });
});
