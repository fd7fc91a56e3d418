import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

// A real OpenID provider (oidc-provider) on loopback, for the sign-in specs. Its
// development login form accepts any login and password; the login names the account,
// whose claims come from `accounts` (unknown logins get a verified address of their own).
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  stop(): Promise<void>;
}

export async function startOidcProvider(redirectUri: string): Promise<TestProvider> {
  const server: Server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const clientId = 'claimdesk';
  const clientSecret = randomBytes(24).toString('base64url');
  const accounts = new Map<string, TestAccount>();
  // oidc-provider announces its development login form on the console; a test expects it.
  const warn = console.warn;
  console.warn = () => undefined;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    // A fresh key per run; oidc-provider signs cookies with these.
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    ttl: { Interaction: 600, Session: 600, Grant: 600, AccessToken: 600, IdToken: 600 },
    findAccount: (_ctx, login) => ({
      accountId: login,
      claims: () => ({
        sub: login,
        ...(accounts.get(login) ?? { email: login, email_verified: true }),
      }),
    }),
  });
  console.warn = warn;
  server.on('request', provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    stop: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

export const oidcEnvironment = (provider: TestProvider, publicBaseUrl: string) => ({
  PUBLIC_BASE_URL: publicBaseUrl,
  OIDC_ISSUER: provider.issuer,
  OIDC_CLIENT_ID: provider.clientId,
  OIDC_CLIENT_SECRET: provider.clientSecret,
});

// A browser's part of the sign-in, in plain HTTP: follows the redirects from
// /auth/oidc/start through the provider's login and consent forms, keeping each host's
// cookies, and stops at the provider's redirect back to claimdesk's callback. Returns that
// URL and the cookie claimdesk set at the start (the transaction).
export async function walkToCallback(
  appUrl: string,
  login: string,
): Promise<{ callbackUrl: string; appCookie: string }> {
  const jar = new Map<string, Map<string, string>>();
  const cookieHeader = (url: URL) =>
    [...(jar.get(url.host) ?? new Map<string, string>())].map(([k, v]) => `${k}=${v}`).join('; ');
  const keep = (url: URL, response: Response) => {
    const cookies = jar.get(url.host) ?? new Map<string, string>();
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1));
    }
    jar.set(url.host, cookies);
  };
  const appHost = new URL(appUrl).host;
  let url = new URL('/auth/oidc/start', appUrl);
  let method = 'GET';
  let body: string | undefined;
  for (let step = 0; step < 20; step++) {
    if (url.host === appHost && url.pathname === '/auth/oidc/callback') {
      return { callbackUrl: url.href, appCookie: cookieHeader(url) };
    }
    const response = await fetch(url, {
      method,
      body,
      redirect: 'manual',
      headers: {
        cookie: cookieHeader(url),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
    });
    keep(url, response);
    const location = response.headers.get('location');
    if (location) {
      url = new URL(location, url);
      method = 'GET';
      body = undefined;
      continue;
    }
    // The login form first, then the consent form.
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    if (!action) throw new Error(`no form at ${url.href} (${response.status}): ${page}`);
    url = new URL(action.replace(/&amp;/g, '&'), url);
    method = 'POST';
    body = page.includes('name="login"')
      ? new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString()
      : new URLSearchParams({ prompt: 'consent' }).toString();
  }
  throw new Error('the sign-in did not come back to claimdesk in 20 steps');
}
