import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { oidcEnvironment, startOidcProvider, type TestProvider } from '../support/oidc-provider.js';
import { createUser } from '../support/people.js';
import { launchChromium, openDesk } from './desk.js';

const BUTTON = 'Sign in with your newsroom account';

// The provider's development pages: any login and password, then consent.
async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name=login]').fill(login);
  await page.locator('input[name=password]').fill('any password');
  await page.locator('button[type=submit]').click();
  await page.locator('button[type=submit]').click();
}

describe("editors desk: signing in with the newsroom's identity provider", () => {
  let app: AppProcess;
  let provider: TestProvider;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    provider = await startOidcProvider(`${base}/auth/oidc/callback`);
    app = await startApp({ env: { PORT: String(port), ...oidcEnvironment(provider, base) } });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await provider?.stop();
  });

  it('signs a known person in through the provider and back to the desk', async () => {
    const editor = await createUser(base, ['editor']);
    const { page, context, problems } = await openDesk(browser, base);
    await page.getByRole('link', { name: BUTTON }).click();
    expect(new URL(page.url()).origin).toBe(provider.issuer);
    const callback = page.waitForResponse((response) =>
      response.url().startsWith(`${base}/auth/oidc/callback?`),
    );
    await signInAtProvider(page, editor.email);
    expect((await callback).status()).toBe(302);
    await page.waitForURL(`${base}/`);
    // The desk picks the session up by itself: no token was pasted.
    await page.getByTestId('who').getByText(editor.name).waitFor();

    // The browser now holds a session: the API answers for it, as for a token.
    const me = await context.request.get('/api/v1/me');
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ id: editor.id, email: editor.email });
    const cookies = await context.cookies();
    const session = cookies.find((cookie) => cookie.name === 'claimdesk_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookies.find((cookie) => cookie.name === 'claimdesk_oidc')).toBeUndefined();

    // Coming back to the same callback (history, a bookmark) does not sign in again.
    const replay = await page.goto((await callback).url());
    expect(replay!.status()).toBe(400);
    await page.getByRole('heading', { name: 'This sign-in link is not valid here' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('shows a clear page to a person the newsroom has not given an account', async () => {
    const { page, context, problems } = await openDesk(browser, base);
    await page.getByRole('link', { name: BUTTON }).click();
    const callback = page.waitForResponse((response) =>
      response.url().startsWith(`${base}/auth/oidc/callback?`),
    );
    await signInAtProvider(page, 'freelancer@elsewhere.test');
    expect((await callback).status()).toBe(403);
    await page.getByRole('heading', { name: 'No claimdesk account for this address' }).waitFor();
    await expect(page.getByTestId('email').textContent()).resolves.toBe(
      'freelancer@elsewhere.test',
    );
    expect((await context.cookies()).map((cookie) => cookie.name)).not.toContain(
      'claimdesk_session',
    );
    // Styled by the desk's own stylesheet, under the same strict Content-Security-Policy.
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('editors desk without single sign-on', () => {
  let app: AppProcess;
  let browser: Browser;

  beforeAll(async () => {
    app = await startApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
  });

  it('does not offer the newsroom account button when OIDC_* are unset', async () => {
    const { page, context } = await openDesk(browser, app.url);
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    // The page has asked which sign-ins are offered, and been answered.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('link', { name: BUTTON }).count()).toBe(0);
    await context.close();
  });
});
