import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import { AppConfig } from './config/app-config.js';
import { clientErrorHandler, routerErrorHandler } from './common/http/framework-errors.js';
import { parseJsonBody } from './common/http/json-body-parser.js';
import { RequestActivity } from './common/http/request-activity.js';
import { createLogger, PinoNestLogger, RequestLog } from './common/logging/logger.js';
import { ProblemView } from './common/openapi/api-problems.decorator.js';
import { securityHeadersFor } from './web/security-headers.js';

// A client may pass its own X-Request-Id (to correlate logs across systems) if it is short
// and plain; otherwise the service makes one.
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const NOT_INTERACTIVE = /^\/(?:api\/v1\/audit\/export|health)(?:[/?]|$)/;

export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const logger = createLogger(config.logLevel);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLog(),
    bodyLimit: config.bodyLimit,
    trustProxy: true,
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
  const activity = app.get(RequestActivity);
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id).headers(securityHeadersFor(request.url));
    // Exports and health checks are not people waiting for an answer.
    if (!NOT_INTERACTIVE.test(request.url)) activity.seen();
  });
  app.useLogger(new PinoNestLogger(logger));
  app.useBodyParser('application/json', { bodyLimit: config.bodyLimit }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body.toString('utf8')));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  app.setGlobalPrefix('api/v1', { exclude: ['health'] });
  setUpOpenApi(app);
  return app;
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
