import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { AuthFailureLimiter } from './auth/auth-failures.js';
import { authenticateBeforeBody } from './auth/early-authentication.js';
import { SessionAuthenticator } from './auth/session-authenticator.js';
import { TokenAuthenticatorService } from './auth/token-authenticator.service.js';
import { AppConfig } from './config/app-config.js';
import type { TrustProxy } from './config/environment.js';
import { clientErrorHandler, routerErrorHandler } from './common/http/framework-errors.js';
import { allowLargerBodies, parseJsonRequestBody } from './common/http/json-body-parser.js';
import { checkJsonShapeWhileReading } from './common/http/json-shape.js';
import { RequestActivityService } from './common/http/request-activity.service.js';
import { createLogger, PinoNestLogger, RequestLog } from './common/logging/logger.js';
import { ProblemView } from './common/openapi/api-problems.decorator.js';
import { answerRefusedBodiesCleanly } from './common/http/refused-bodies.js';
import { securityHeadersFor } from './common/http/security-headers.js';

// A client may pass its own X-Request-Id (to correlate logs across systems) if it is short
// and plain; otherwise the service makes one.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// The one route whose body may exceed BODY_LIMIT (up to ARTICLE_BODY_LIMIT).
const ARTICLE_INGEST = { method: 'POST', url: '/api/v1/articles' };
const NOT_INTERACTIVE = /^\/(?:api\/v1\/audit\/export|health)(?:[/?]|$)/;

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLog(),
    bodyLimit: config.bodyLimit,
    // X-Forwarded-For counts only through the proxies TRUST_PROXY names (default none):
    // otherwise any client could pick its own address for the per-address limits.
    trustProxy: trustProxyFor(config.trustProxy),
    // Slow clients are cut off (408): the whole request, its headers, and an idle
    // keep-alive connection each get REQUEST_TIMEOUT_MS.
    requestTimeout: config.requestTimeoutMs,
    keepAliveTimeout: config.requestTimeoutMs,
    http: {
      headersTimeout: config.requestTimeoutMs,
      // Node checks for timed-out requests on this interval (default 30 s).
      connectionsCheckingInterval: Math.min(1000, Math.max(100, config.requestTimeoutMs / 10)),
    },
    genReqId: (request: IncomingMessage) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : randomUUID();
    },
    frameworkErrors: routerErrorHandler,
    clientErrorHandler,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    adapter,
    { bufferLogs: true },
  );
  const activity = app.get(RequestActivityService);
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id).headers(securityHeadersFor(request.url));
    // Exports and health checks are not people waiting for an answer.
    if (!NOT_INTERACTIVE.test(request.url)) activity.seen();
  });
  authenticateBeforeBody(
    adapter.getInstance(),
    app.get(TokenAuthenticatorService),
    new AuthFailureLimiter(config.authFailuresPerMinute),
    app.get(SessionAuthenticator, { strict: false }),
  );
  allowLargerBodies(adapter.getInstance(), ARTICLE_INGEST, config.articleBodyLimit);
  // A refused body as large as the largest the service accepts is read, not cut off.
  answerRefusedBodiesCleanly(
    adapter.getInstance(),
    Math.max(config.bodyLimit, config.articleBodyLimit),
  );
  app.useLogger(new PinoNestLogger(logger));
  checkJsonShapeWhileReading(adapter.getInstance());
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimit }, (request, body, done) => {
    try {
      done(null, parseJsonRequestBody(request, body));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  // The public fact-check pages live at the site's root, beside the desk, and so do the
  // browser's sign-in redirects through the newsroom's identity provider.
  app.setGlobalPrefix('api/v1', {
    exclude: ['health', 'fact-checks', 'fact-checks/{*path}', 'auth/oidc/{*path}'],
  });
  setUpOpenApi(app);
  return app;
}

// A hop count trusts that many proxies nearest the service; a list trusts those addresses.
function trustProxyFor(
  setting: TrustProxy,
): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof setting === 'number' ? (_address, hop) => hop < setting : setting;
}

function setUpOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('claimdesk')
      .setDescription(
        'Claim verification for newsrooms. Errors are RFC 9457 problem details ' +
          '(application/problem+json).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
    // Referenced by $ref from every problem response (ApiProblems), never by a DTO.
    { extraModels: [ProblemView] },
  );
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
