import type { IncomingMessage } from 'node:http';
import { RequestMethod } from '@nestjs/common';
import type { Params } from 'nestjs-pino';
import { AppConfig } from '../../config/app-config.js';

// Structured JSON logs, one line per request, carrying the same request id the client sees
// in X-Request-Id. Tokens never reach the log.
export function loggerOptions(config: AppConfig): Params {
  return {
    // Every route once: Nest adds the paths excluded from the global prefix (/health)
    // to a wildcard by itself.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      genReqId: (request: IncomingMessage & { id?: unknown }) => String(request.id),
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : 'info',
      serializers: {
        res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        req: (request: { id: string; method: string; url: string }) => ({
          id: request.id,
          method: request.method,
          url: request.url,
        }),
      },
    },
  };
}
