import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { freePort } from '../support/free-port.js';
import { client } from '../support/http.js';
import {
  oidcEnvironment,
  startOidcProvider,
  type TestProvider,
  walkToCallback,
} from '../support/oidc-provider.js';
import { createUser } from '../support/people.js';
import { hostileQuery, runs, seedFor } from '../reliability/support/hostile.js';

// SPEC §16: signing in through the newsroom's OpenID Connect provider, against a real
// provider (oidc-provider) on loopback, in plain HTTP: the browser's part is walked by
// walkToCallback, so each refusal can be tried on its own.
const callback = (url: string, cookie?: string) =>
  fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });

const setCookies = (response: Response) => response.headers.getSetCookie();
const sessionCookieOf = (response: Response) =>
  setCookies(response).find((line) => line.startsWith('claimdesk_session='));

// The service on a port of its own, and a provider that sends people back to it.
async function serviceWithProvider({
  signInAttemptsPerAddress,
}: {
  signInAttemptsPerAddress: number;
}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider(`${base}/auth/oidc/callback`);
  const app = await startApp({
    env: {
      PORT: String(port),
      ...oidcEnvironment(provider, base),
      SIGN_IN_ATTEMPTS_PER_ADDRESS: String(signInAttemptsPerAddress),
    },
  });
  return { app, provider, base };
}

describe('signing in with the newsroom identity provider (OpenID Connect)', () => {
  let app: AppProcess;
  let provider: TestProvider;
  let base: string;

  beforeAll(async () => {
    // Enough for the sign-ins below; the last test runs into the limit.
    ({ app, provider, base } = await serviceWithProvider({ signInAttemptsPerAddress: 20 }));
  });
  afterAll(async () => {
    await app?.stop();
    await provider?.stop();
  });

  it('tells the desk single sign-on is offered', async () => {
    const options = await client(base).get('/api/v1/auth/sign-in-options');
    expect(options.status).toBe(200);
    expect(options.body).toEqual({ oidc: true });
  });

  it('sends the browser to the provider with PKCE (S256), state and nonce, in a one-site cookie', async () => {
    const response = await callback(`${base}/auth/oidc/start`);
    expect(response.status).toBe(302);
    const target = new URL(response.headers.get('location')!);
    expect(target.origin).toBe(provider.issuer);
    const query = target.searchParams;
    expect(query.get('response_type')).toBe('code');
    expect(query.get('client_id')).toBe(provider.clientId);
    expect(query.get('redirect_uri')).toBe(`${base}/auth/oidc/callback`);
    expect(query.get('scope')).toBe('openid email');
    expect(query.get('code_challenge_method')).toBe('S256');
    expect(query.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(query.get('state')!.length).toBeGreaterThanOrEqual(32);
    expect(query.get('nonce')!.length).toBeGreaterThanOrEqual(32);
    const [cookie] = setCookies(response);
    expect(cookie).toMatch(/^claimdesk_oidc=[A-Za-z0-9_-]+; /);
    expect(cookie).toContain('Max-Age=600');
    expect(cookie).toContain('Path=/auth/oidc');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    // The verifier never leaves the browser's cookie for the provider.
    expect(response.headers.get('location')).not.toContain('code_verifier');
  });

  it('signs in a known person by verified email: session cookie, 302 to the desk, /me answers', async () => {
    const reporter = await createUser(base, ['reporter']);
    // The provider may spell the address in other letter cases.
    const { callbackUrl, appCookie } = await walkToCallback(base, reporter.email.toUpperCase());
    const response = await callback(callbackUrl, appCookie);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${base}/`);
    const session = sessionCookieOf(response)!;
    expect(session).toBeDefined();
    expect(session).toContain('HttpOnly');
    expect(session).toContain('SameSite=Strict');
    // The transaction is spent whatever happens.
    expect(setCookies(response).some((line) => /^claimdesk_oidc=;.*Max-Age=0/.test(line))).toBe(
      true,
    );

    const me = await client(base).get('/api/v1/me', {
      headers: { cookie: session.split(';')[0] },
    });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: reporter.id, email: reporter.email, roles: ['reporter'] });

    const events = await client(base, ADMIN_TOKEN).get(
      `/api/v1/audit/events?type=session.signed_in&actorId=${reporter.id}`,
    );
    expect(events.status).toBe(200);
    expect(events.body.items).toHaveLength(1);
    expect(events.body.items[0].data).toMatchObject({ userId: reporter.id, method: 'oidc' });
    // Nothing of the exchange (code, tokens, verifier, cookie) reaches the trail.
    const code = new URL(callbackUrl).searchParams.get('code')!;
    expect(JSON.stringify(events.body.items[0])).not.toContain(code);
    expect(JSON.stringify(events.body.items[0])).not.toContain(session.split(/[=;]/)[1]);
  });

  it('refuses an email no claimdesk user has, with a page that names it (403)', async () => {
    const { callbackUrl, appCookie } = await walkToCallback(base, 'stranger@elsewhere.test');
    const response = await callback(callbackUrl, appCookie);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toContain('text/html');
    const page = await response.text();
    expect(page).toContain('No claimdesk account for this address');
    expect(page).toContain('stranger@elsewhere.test');
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('refuses an email the provider does not vouch for (403)', async () => {
    const editor = await createUser(base, ['editor']);
    provider.accounts.set('unverified-editor', { email: editor.email, email_verified: false });
    const { callbackUrl, appCookie } = await walkToCallback(base, 'unverified-editor');
    const response = await callback(callbackUrl, appCookie);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Your email address is not verified');
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('refuses a deactivated user (403)', async () => {
    const editor = await createUser(base, ['editor']);
    await client(base, ADMIN_TOKEN).patch(`/api/v1/users/${editor.id}`, {
      body: { active: false },
    });
    const { callbackUrl, appCookie } = await walkToCallback(base, editor.email);
    const response = await callback(callbackUrl, appCookie);
    expect(response.status).toBe(403);
    expect(await response.text()).toContain('Your claimdesk account is deactivated');
    expect(sessionCookieOf(response)).toBeUndefined();
  });

  it('refuses a callback whose state is not the one this browser sent, or without the cookie (400)', async () => {
    const reporter = await createUser(base, ['reporter']);
    const { callbackUrl, appCookie } = await walkToCallback(base, reporter.email);
    const forged = new URL(callbackUrl);
    forged.searchParams.set('state', 'a-state-some-other-browser-got');
    const wrongState = await callback(forged.href, appCookie);
    expect(wrongState.status).toBe(400);
    expect(await wrongState.text()).toContain('This sign-in link is not valid here');
    expect(sessionCookieOf(wrongState)).toBeUndefined();

    // The right URL from a browser that did not start the sign-in (login CSRF).
    const noCookie = await callback(callbackUrl);
    expect(noCookie.status).toBe(400);
    expect(sessionCookieOf(noCookie)).toBeUndefined();
  });

  it('refuses a replayed code, even with the first attempt’s cookie (400)', async () => {
    const reporter = await createUser(base, ['reporter']);
    const { callbackUrl, appCookie } = await walkToCallback(base, reporter.email);
    expect((await callback(callbackUrl, appCookie)).status).toBe(302);
    const replay = await callback(callbackUrl, appCookie);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toContain('This sign-in link was already used');
    expect(sessionCookieOf(replay)).toBeUndefined();
  });

  it('shows the provider’s own refusal (error parameter) on a page (401)', async () => {
    const start = await callback(`${base}/auth/oidc/start`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = setCookies(start)[0].split(';')[0];
    const query = new URLSearchParams({
      error: 'access_denied',
      error_description: 'End-User aborted interaction',
      state,
      iss: provider.issuer,
    });
    const response = await callback(`${base}/auth/oidc/callback?${query}`, cookie);
    expect(response.status).toBe(401);
    const page = await response.text();
    expect(page).toContain('Your identity provider did not sign you in');
    expect(page).toContain('access_denied');
  });

  it('limits callbacks per address (429 with Retry-After), like every sign-in', async () => {
    let response: Response | undefined;
    for (let attempt = 0; attempt < 21; attempt++) {
      response = await callback(`${base}/auth/oidc/callback?code=guess-${attempt}&state=x`);
      if (response.status === 429) break;
      expect(response.status).toBe(400);
    }
    expect(response!.status).toBe(429);
    expect(Number(response!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await response!.text()).toContain('Too many sign-in attempts');
  });
});

describe('without a reachable or configured identity provider', () => {
  it('keeps serving when the issuer cannot be reached, and says so on a page (503)', async () => {
    const port = await freePort();
    const closed = await freePort();
    const app = await startApp({
      env: {
        PORT: String(port),
        PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
        OIDC_ISSUER: `http://127.0.0.1:${closed}`,
        OIDC_CLIENT_ID: 'claimdesk',
        OIDC_CLIENT_SECRET: 'a-secret',
      },
    });
    try {
      const start = await callback(`${app.url}/auth/oidc/start`);
      expect(start.status).toBe(503);
      expect(await start.text()).toContain('Your identity provider cannot be reached');
      expect((await client(app.url).get('/health')).status).toBe(200);
      expect(app.output()).not.toContain('a-secret');
    } finally {
      await app.stop();
    }
  });

  it('offers no single sign-on and answers 404 when OIDC_* are unset', async () => {
    const app = await startApp();
    try {
      expect((await client(app.url).get('/api/v1/auth/sign-in-options')).body).toEqual({
        oidc: false,
      });
      const start = await callback(`${app.url}/auth/oidc/start`);
      expect(start.status).toBe(404);
      expect(start.headers.get('location')).toBeNull();
      expect((await callback(`${app.url}/auth/oidc/callback?code=x&state=y`)).status).toBe(404);
    } finally {
      await app.stop();
    }
  });
});

describe('hostile callbacks', () => {
  let app: AppProcess;
  let provider: TestProvider;
  let base: string;

  beforeAll(async () => {
    // The per-address limit is not under test here.
    ({ app, provider, base } = await serviceWithProvider({ signInAttemptsPerAddress: 0 }));
  });
  afterAll(async () => {
    await app?.stop();
    await provider?.stop();
  });

  it('never answers a hostile callback with a 5xx or a session, always with a page', async () => {
    const start = await callback(`${base}/auth/oidc/start`);
    const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
    const cookie = setCookies(start)[0].split(';')[0];
    const query = hostileQuery({
      code: fc.string({ minLength: 1, maxLength: 60 }),
      error: fc.constantFrom('access_denied', 'server_error', 'login_required'),
      error_description: fc.string({ maxLength: 40 }),
    });
    // Mostly with this browser's cookie, state and the provider's issuer, so that most
    // attempts get past the checks to the provider's token endpoint.
    const genuine = { cookie: true, state: true, iss: true };
    const setup = fc.oneof(
      { arbitrary: fc.constant(genuine), weight: 3 },
      {
        arbitrary: fc.record({ cookie: fc.boolean(), state: fc.boolean(), iss: fc.boolean() }),
        weight: 1,
      },
    );
    await fc.assert(
      fc.asyncProperty(query, setup, async (hostile, given) => {
        const search = new URLSearchParams(hostile);
        if (given.state) search.set('state', state);
        if (given.iss) search.set('iss', provider.issuer);
        const response = await callback(
          `${base}/auth/oidc/callback?${search}`,
          given.cookie ? cookie : undefined,
        );
        const page = await response.text();
        if (response.status < 400 || response.status >= 500) {
          throw new Error(`${search} → ${response.status}: ${page}`);
        }
        expect(response.headers.get('content-type')).toContain('text/html');
        expect(page).toContain('role="alert"');
        expect(sessionCookieOf(response)).toBeUndefined();
      }),
      { numRuns: runs(40), seed: seedFor(2000) },
    );
  });
});
