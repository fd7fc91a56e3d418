import type { IncomingMessage } from 'node:http';
import type { FastifyHelmetOptions } from '@fastify/helmet';

// Swagger UI (/api/docs) ships inline <style> blocks and data: icons; only its pages get
// those two allowances. Everything else, the desk included, runs under a strict policy:
// scripts, styles and connections from this origin only, nothing inline, no frames.
const onApiDocs = (request: IncomingMessage) => (request.url ?? '').startsWith('/api/docs');

export const securityHeaders: FastifyHelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", (request) => (onApiDocs(request) ? "'unsafe-inline'" : '')],
      imgSrc: ["'self'", (request) => (onApiDocs(request) ? 'data:' : '')],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  // The desk opens downloads through blob: URLs of its own origin; nothing else is framed.
  crossOriginEmbedderPolicy: false,
  // Matches frame-ancestors 'none' for browsers that only read the older header.
  frameguard: { action: 'deny' },
};

// The same rules, written out, for the few answers sent before Fastify's hooks run (a
// malformed URL, request headers too large): helmet's hook never sees those.
export const staticSecurityHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
