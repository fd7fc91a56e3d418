import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// Cookie-authenticated requests that change something must come from the desk's own
// pages (SPEC §16): a browser always sends Origin on such requests, and another site's
// page cannot forge it. The desk's origin is PUBLIC_BASE_URL's, or the origin the request
// itself was addressed to (scheme and Host, as TRUST_PROXY allows), so the desk also works
// when opened as http://127.0.0.1:3000 on a developer's machine.
export function originAllowed(request: FastifyRequest, publicBaseUrl: string): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const origin = request.headers.origin;
  if (!origin || origin === 'null') return false;
  if (origin === new URL(publicBaseUrl).origin) return true;
  return origin === `${request.protocol}://${request.host}`;
}
