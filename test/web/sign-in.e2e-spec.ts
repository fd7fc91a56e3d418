import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createNewsroom } from '../support/people.js';
import { BOTH_WINDOWS, horizontalOverflow, launchChromium, openDesk, signIn } from './desk.js';

describe('editors desk: signing in', () => {
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

  it('serves the desk at / under a strict Content-Security-Policy', async () => {
    const response = await client(app.url).get('/');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<script type="module" src="/app.js"></script>');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('keeps Swagger UI working with inline styles allowed on its pages only', async () => {
    const docs = await client(app.url).get('/api/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain(
      "style-src 'self' 'unsafe-inline'",
    );
    const desk = await openDesk(browser, app.url);
    await desk.page.goto('/api/docs');
    await desk.page.getByText('claimdesk', { exact: false }).first().waitFor();
    await desk.page.locator('.opblock').first().waitFor();
    expect(desk.problems).toEqual([]);
    await desk.context.close();
  });

  it('trades a pasted token for a session cookie, keeps no token in the page, and signs out', async () => {
    const { page, context, problems } = await openDesk(browser, app.url);
    await signIn(page, people.editor);
    await expect(page.getByTestId('who').textContent()).resolves.toContain('editor');
    // The desk keeps no secret a script could read: only the HttpOnly session cookie.
    expect(await page.evaluate('JSON.stringify(sessionStorage)')).toBe('{}');
    expect(await page.evaluate('JSON.stringify(localStorage)')).toBe('{}');
    expect(await page.evaluate('document.cookie')).toBe('');
    const cookies = await context.cookies();
    expect(cookies).toEqual([
      expect.objectContaining({ name: 'claimdesk_session', httpOnly: true, sameSite: 'Strict' }),
    ]);
    expect(cookies[0].value).not.toContain(people.editor.token);

    // A reload keeps the browser signed in.
    await page.reload();
    await page.getByTestId('who').getByText(people.editor.name).waitFor();

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    // The session is over on the server, not only forgotten by the page.
    const stale = await client(app.url).get('/api/v1/me', {
      headers: { cookie: `claimdesk_session=${cookies[0].value}` },
    });
    expect(stale.status).toBe(401);
    await page.reload();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it('refuses a token that is not valid', async () => {
    const { page, context } = await openDesk(browser, app.url);
    await page.getByText('Use an access token instead').click();
    await page.getByLabel('Access token').fill('cd_not-a-real-token');
    await page.getByRole('button', { name: 'Sign in with the token' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain('not valid');
    expect(await context.cookies()).toEqual([]);
    await context.close();
  });

  it('offers each role only the pages its actions allow', async () => {
    const nav = async (user: typeof people.reporter) => {
      const { page, context } = await openDesk(browser, app.url);
      await signIn(page, user);
      const links = await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link')
        .allTextContents();
      await context.close();
      return links;
    };
    expect(await nav(people.reporter)).toEqual(['Claims', 'Submit a claim', 'Articles']);
    expect(await nav(people.editor)).toEqual(['Review queue', 'Submit a claim', 'Articles']);
    expect(await nav(people.auditor)).toEqual(['Claims', 'Audit']);
  });

  it('lists where one is signed in, dated as the rest of the desk, naming the other browser', async () => {
    const elsewhere = await openDesk(browser, app.url);
    await signIn(elsewhere.page, people.auditor);
    const { page, context } = await openDesk(browser, app.url);
    await signIn(page, people.auditor);
    await page.getByRole('link', { name: 'Account' }).click();
    const sessions = page.getByTestId('session');
    await sessions.getByText('Another browser').first().waitFor();
    const here = sessions.filter({ hasText: 'This browser' });
    await expect(here.count()).resolves.toBe(1);
    // "5 Dec 2026, 23:14 UTC", as on claims and in the history: not the browser's locale.
    await expect(here.textContent()).resolves.toMatch(
      /signed in \d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC/,
    );
    // The other browser is named as it named itself, below its line.
    await expect(
      sessions.filter({ hasText: 'Another browser' }).first().locator('.user-agent').textContent(),
    ).resolves.toContain('HeadlessChrome');
    await elsewhere.context.close();
    await context.close();
  });

  it.each(BOTH_WINDOWS)(
    'lists people for admins a row each, readable on %s',
    async (_, viewport) => {
      const { page, context } = await openDesk(browser, app.url, viewport);
      await signIn(page, people.admin);
      await page.getByRole('link', { name: 'People' }).click();
      const editor = page.getByTestId('person').filter({ hasText: people.editor.email });
      await expect(editor.textContent()).resolves.toContain(people.editor.name);
      await expect(editor.textContent()).resolves.toContain('editor');
      await editor.getByRole('button', { name: `Sign-ins of ${people.editor.name}` }).click();
      await page.getByRole('heading', { name: people.editor.name, level: 2 }).waitFor();
      await expect(editor.getAttribute('aria-current')).resolves.toBe('true');
      // Nothing wider than the window: every row's actions within reach.
      await expect(horizontalOverflow(page)).resolves.toBe(0);
      await context.close();
    },
  );
});
