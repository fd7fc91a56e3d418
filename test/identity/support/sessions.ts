import { createHash } from 'node:crypto';
import { client } from '../../support/http.js';

export interface SignedIn {
  // The Cookie header a browser would send.
  cookie: string;
  secret: string;
  setCookie: string;
  sessionId: string;
}

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// A person holding a token signs in as the desk does (POST /auth/token-sign-in): the
// cookie and the id of the session it names.
export async function signInWithToken(baseUrl: string, token: string): Promise<SignedIn> {
  const response = await client(baseUrl, token).post('/api/v1/auth/token-sign-in');
  if (response.status !== 204) {
    throw new Error(`token sign-in failed: ${response.status} ${response.text}`);
  }
  const setCookie = response.headers.get('set-cookie') ?? '';
  const secret = /claimdesk_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
  const cookie = `claimdesk_session=${secret}`;
  const sessions = await client(baseUrl).get('/api/v1/sessions', { headers: { cookie } });
  const current = (sessions.body.items as { id: string; current: boolean }[]).find(
    (item) => item.current,
  );
  return { cookie, secret, setCookie, sessionId: current!.id };
}

// Sends as the desk does: the cookie, and the Origin the browser adds to unsafe requests.
export const asDesk = (baseUrl: string, signedIn: SignedIn, origin = baseUrl) => ({
  cookie: signedIn.cookie,
  origin,
});
