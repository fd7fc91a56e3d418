import { parseCookie, stringifySetCookie } from 'cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { SESSION_ABSOLUTE_MS } from './session-policy.js';

export const SESSION_COOKIE = 'claimdesk_session';

// HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it), Path=/
// (the desk and the API), Secure whenever the service is reached over https. It lives as
// long as the absolute expiry; the server decides earlier ends (idle, sign-out, revoke).
function attributes(secure: boolean) {
  return { httpOnly: true, sameSite: 'strict', path: '/', secure } as const;
}

export const isSecureBaseUrl = (publicBaseUrl: string): boolean =>
  publicBaseUrl.startsWith('https:');

export function setSessionCookie(reply: FastifyReply, secret: string, secure: boolean): void {
  appendSetCookie(
    reply,
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: secret,
      ...attributes(secure),
      maxAge: Math.floor(SESSION_ABSOLUTE_MS / 1000),
    }),
  );
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  appendSetCookie(
    reply,
    stringifySetCookie({
      name: SESSION_COOKIE,
      value: '',
      ...attributes(secure),
      maxAge: 0,
      expires: new Date(0),
    }),
  );
}

export function sessionSecretOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  return parseCookie(header)[SESSION_COOKIE] || undefined;
}

function appendSetCookie(reply: FastifyReply, value: string): void {
  const existing = reply.getHeader('set-cookie');
  const values =
    existing === undefined ? [] : Array.isArray(existing) ? existing : [String(existing)];
  void reply.header('set-cookie', [...values, value]);
}
