import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

type ContentSecurityPolicy = Exclude<HelmetOptions['contentSecurityPolicy'], boolean | undefined>;

// Everything, the desk included, runs under a strict policy: scripts, styles and
// connections from this origin only, nothing inline, no frames.
const STRICT_POLICY: ContentSecurityPolicy = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

// Swagger UI (/api/docs) ships inline <style> blocks and data: icons; only its pages get
// those two allowances.
const API_DOCS_POLICY: ContentSecurityPolicy = {
  ...STRICT_POLICY,
  directives: {
    ...STRICT_POLICY.directives,
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
  },
};

const options = (contentSecurityPolicy: ContentSecurityPolicy): HelmetOptions => ({
  contentSecurityPolicy,
  // The desk opens downloads through blob: URLs of its own origin; nothing else is framed.
  crossOriginEmbedderPolicy: false,
  // Matches frame-ancestors 'none' for browsers that only read the older header.
  frameguard: { action: 'deny' },
});

// The headers helmet sets for these options. Neither policy depends on the request, so
// helmet runs once at start and every response gets the same object (helmet on every
// request cost ~50 µs each).
function headersOf(helmetOptions: HelmetOptions): Readonly<Record<string, string>> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  helmet(helmetOptions)({} as IncomingMessage, response as unknown as ServerResponse, (error) => {
    if (error) throw error;
  });
  return Object.freeze(headers);
}

const appHeaders = headersOf(options(STRICT_POLICY));
const apiDocsHeaders = headersOf(options(API_DOCS_POLICY));

export const securityHeadersFor = (url: string): Readonly<Record<string, string>> =>
  url.startsWith('/api/docs') ? apiDocsHeaders : appHeaders;

// The same rules, written out, for the few answers sent before Fastify's hooks run (a
// malformed URL, request headers too large).
export const staticSecurityHeaders: Record<string, string> = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};
