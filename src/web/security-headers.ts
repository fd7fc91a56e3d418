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
};
