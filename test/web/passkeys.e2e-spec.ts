import { chmod, mkdtemp, rm, symlink } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { launchChromium } from './desk.js';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen));
  const { port } = server.address() as { port: number };
  await new Promise((resolveClose) => server.close(resolveClose));
  return port;
}

// A person's browser with a passkey-capable device: Chromium's virtual authenticator
// (DevTools protocol), which creates and uses resident keys without a prompt.
async function browserWithAuthenticator(browser: Browser, baseUrl: string) {
  const context = await browser.newContext({ baseURL: baseUrl });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  const credentials = async () =>
    (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
  return { context, page, problems, credentials };
}

const sessionCookie = async (context: BrowserContext) =>
  (await context.cookies()).find((cookie) => cookie.name === 'claimdesk_session');

const who = (page: Page, name: string) => page.getByTestId('who').getByText(name).waitFor();

// SPEC §16 end to end, as a newsroom first meets it: `npm start` with no DATABASE_URL
// (embedded PostgreSQL), the first admin's printed link, a passkey, an invitation for a
// colleague, their passkey, signing out and back in with it.
describe('people sign in with passkeys (embedded PostgreSQL)', () => {
  let folder: string;
  let app: AppProcess;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'claimdesk-passkeys-'));
    await chmod(folder, 0o755); // the postgres OS user must reach it when running as root
    // A fresh project folder, as after `npm install`: the embedded server's binaries are
    // found under ./node_modules.
    await symlink(resolve('node_modules'), join(folder, 'node_modules'));
    const port = await freePort();
    // WebAuthn needs a host name, not an IP address: the desk is opened at localhost.
    baseUrl = `http://localhost:${port}`;
    app = await startApp({
      cwd: folder,
      timeoutMs: 120_000,
      env: {
        DATABASE_URL: undefined,
        BOOTSTRAP_ADMIN_TOKEN: undefined,
        PORT: String(port),
        PUBLIC_BASE_URL: baseUrl,
      },
    });
    browser = await launchChromium();
  }, 150_000);
  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    if (folder) await rm(folder, { recursive: true, force: true });
  }, 60_000);

  it('first admin link → passkey; invitation → passkey → sign-in → sign-out', async () => {
    const output = app.output();
    const adminToken = /first admin token \(shown once\): (cd_\S+)/.exec(output)?.[1];
    const firstLink = /first admin passkey link \(shown once, valid 72 h\): (\S+)/.exec(
      output,
    )?.[1];
    expect(adminToken).toBeDefined();
    expect(firstLink).toMatch(new RegExp(`^${baseUrl}/#/invitation/[A-Za-z0-9_-]{43}$`));

    // The first admin opens the printed link and creates a passkey: signed in, no token.
    const admin = await browserWithAuthenticator(browser, baseUrl);
    await admin.page.goto(firstLink!);
    await admin.page.getByRole('button', { name: 'Create a passkey' }).click();
    await who(admin.page, 'Administrator');
    expect(await admin.credentials()).toHaveLength(1);
    expect(await sessionCookie(admin.context)).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });

    // The link worked once.
    const reused = await client(baseUrl).post('/api/v1/auth/passkeys/registration/options', {
      body: { invitationToken: firstLink!.split('/').pop() },
    });
    expect(reused.status).toBe(403);

    // The admin invites a colleague from the People page; the link is shown once.
    const created = await client(baseUrl, adminToken).post('/api/v1/users', {
      body: { name: 'Olena Reporter', email: 'olena@newsroom.test', roles: ['reporter'] },
    });
    expect(created.status).toBe(201);
    await admin.page.getByRole('link', { name: 'People' }).click();
    await admin.page.getByRole('button', { name: 'Invite Olena Reporter' }).click();
    const invitationUrl = (await admin.page.getByTestId('invitation-url').textContent())!;
    expect(invitationUrl).toMatch(new RegExp(`^${baseUrl}/#/invitation/[A-Za-z0-9_-]{43}$`));

    // Olena, on her own device, opens the link and creates her passkey.
    const olena = await browserWithAuthenticator(browser, baseUrl);
    await olena.page.goto(invitationUrl);
    await olena.page.getByRole('button', { name: 'Create a passkey' }).click();
    await who(olena.page, 'Olena Reporter');
    await expect(olena.page.getByTestId('who').textContent()).resolves.toContain('reporter');
    const [credential] = await olena.credentials();
    expect(credential.isResidentCredential).toBe(true);

    // She signs out: the session ends on the server.
    const firstCookie = (await sessionCookie(olena.context))!;
    await olena.page.getByRole('button', { name: 'Sign out' }).click();
    await olena.page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();
    const ended = await client(baseUrl).get('/api/v1/me', {
      headers: { cookie: `claimdesk_session=${firstCookie.value}` },
    });
    expect(ended.status).toBe(401);

    // And signs back in with the passkey, without typing anything.
    await olena.page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await who(olena.page, 'Olena Reporter');
    const secondCookie = (await sessionCookie(olena.context))!;
    expect(secondCookie.value).not.toBe(firstCookie.value);
    expect((await olena.credentials())[0].signCount).toBeGreaterThan(credential.signCount);

    // Her account page lists her passkey and this browser's session.
    await olena.page.getByRole('link', { name: 'Account' }).click();
    await olena.page.getByTestId('passkey').first().waitFor(); // the page loads them
    await expect(olena.page.getByTestId('passkey').count()).resolves.toBe(1);
    await olena.page.getByTestId('session').getByText('This browser').waitFor();

    // The admin sees her session on the People page and ends it.
    await admin.page.getByRole('button', { name: 'Sign-ins of Olena Reporter' }).click();
    await admin.page
      .getByTestId('session')
      .getByRole('button', { name: 'End this session' })
      .click();
    await admin.page.getByText('Not signed in anywhere.').waitFor();
    await olena.page.reload();
    await olena.page.getByRole('button', { name: 'Sign in with a passkey' }).waitFor();

    // The trail has each step, on the system chain, and no secret.
    const audit = await client(baseUrl, adminToken).get('/api/v1/audit/events?limit=200');
    expect(audit.status).toBe(200);
    const events = audit.body.items as { type: string; claimId: string | null }[];
    const types = events.map((event) => event.type);
    for (const type of [
      'invitation.issued',
      'passkey.registered',
      'session.signed_in',
      'session.signed_out',
      'session.revoked',
    ]) {
      expect(types).toContain(type);
    }
    expect(events.every((event) => event.claimId === null)).toBe(true);
    const trail = audit.text;
    for (const secret of [
      adminToken!,
      firstLink!.split('/').pop()!,
      invitationUrl.split('/').pop()!,
      firstCookie.value,
      secondCookie.value,
    ]) {
      expect(trail).not.toContain(secret);
    }
    expect(admin.problems).toEqual([]);
    expect(olena.problems).toEqual([]);
    await admin.context.close();
    await olena.context.close();
  }, 120_000);
});
