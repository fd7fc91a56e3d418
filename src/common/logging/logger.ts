import type { LoggerService } from '@nestjs/common';
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino, type Logger, type LevelWithSilent } from 'pino';
import PinoPretty from 'pino-pretty';
import type { LogLevel } from '../../config/environment.js';

// One pino logger for the whole process: Fastify logs requests through it and Nest's own
// messages go through the adapter below, so every line is the same structured JSON.
// Tokens never reach the log. On a terminal (someone ran `npm start` to try it) the same
// lines are printed for people instead: time, level, message; JSON whenever stdout is a
// pipe or a file, for log collectors and CI.
export function createLogger(level: LogLevel, forPeople = process.stdout.isTTY === true): Logger {
  const options = {
    level: level as LevelWithSilent,
    redact: ['req.headers.authorization', 'req.headers.cookie'],
  };
  if (!forPeople) return pino(options);
  return pino(
    options,
    // Synchronous, like pino's own destination: nothing is lost when the process exits.
    PinoPretty({ sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,context' }),
  );
}

// Nest's start-up chatter (a line per module and per route, ~60 in all) is for whoever
// debugs the wiring, not for the person starting the service.
const START_UP_CONTEXTS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
]);

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';

// Nest calls loggers as (message, ...params, context?); objects become structured fields.
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]) {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]) {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]) {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]) {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]) {
    this.write('trace', message, params);
  }
  fatal(message: unknown, ...params: unknown[]) {
    this.write('fatal', message, params);
  }

  private write(requested: Level, message: unknown, params: unknown[]) {
    const rest = [...params];
    // Nest's Logger puts its context last.
    const context = rest.length ? rest.pop() : undefined;
    const level =
      requested === 'info' && START_UP_CONTEXTS.has(context as string) ? 'debug' : requested;
    if (!this.logger.isLevelEnabled(level)) return;
    const fields: Record<string, unknown> = { context };
    let text: string | undefined;
    if (message instanceof Error) {
      fields.err = message;
      text = message.message;
    } else if (message && typeof message === 'object') {
      Object.assign(fields, message);
      text = rest.find((param): param is string => typeof param === 'string');
    } else {
      text = String(message);
      // Nest's error(message, stack, context)
      if (typeof rest[0] === 'string') fields.stack = rest[0];
    }
    this.logger[level](fields, text);
  }
}

// One line per request, when the response is sent, carrying the same request id the
// client sees in X-Request-Id. Skipped cheaply when the level is off.
export class RequestLog extends LogController {
  constructor() {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    const level = error || reply.statusCode >= 500 ? 'error' : 'info';
    if ((request.log as Logger).isLevelEnabled?.(level) === false) return;
    request.log[level](
      {
        req: { method: request.method, url: request.url },
        res: { statusCode: reply.statusCode },
        responseTime: Math.round(reply.elapsedTime),
      },
      'request completed',
    );
  }
}
