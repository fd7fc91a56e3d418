import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { StatusCountsController } from './status-counts.controller.js';

// `npm run build` bundles the desk (src/web/client) into dist/web/public. Found from this
// module's place, dist/web/ once compiled or dist/bundle/ once bundled into the server:
// both one folder below dist/.
export const PUBLIC_ROOT = fileURLToPath(new URL('../web/public/', import.meta.url));

// The editors' desk: static files at `/` (index.html, app.js, app.css) served straight by
// Fastify, outside the api/v1 prefix and without a token — the page signs in itself and
// every API call it makes carries the user's bearer token.
@Module({ controllers: [StatusCountsController] })
export class WebModule implements OnModuleInit {
  private readonly logger = new Logger(WebModule.name);

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    if (!existsSync(PUBLIC_ROOT)) {
      this.logger.warn(`desk not built (${PUBLIC_ROOT} missing): run npm run build`);
      return;
    }
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    void fastify.register(fastifyStatic, {
      root: PUBLIC_ROOT,
      prefix: '/',
      // Only the built files, listed once at start: no directory walking per request.
      wildcard: false,
      index: ['index.html'],
      decorateReply: false,
      // Revalidate on every load (ETag), so a new build reaches editors at once.
      cacheControl: true,
      maxAge: 0,
    });
  }
}
