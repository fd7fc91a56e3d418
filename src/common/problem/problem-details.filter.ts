import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { databaseProblemOf } from './database-problem.js';
import { DomainError, DomainErrorCode } from './domain-error.js';
import { internalProblem, Problem, problemFromDomainError, sendProblem } from './problem.js';

const CODE_FOR_STATUS: Record<number, DomainErrorCode> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable',
  429: 'rate-limited',
};

// Every error leaves the service as RFC 9457 problem+json. Known errors keep their
// meaning; anything unexpected becomes a 500 that names only the request id, and is logged.
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemDetails');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const problem = this.toProblem(exception, request);
    if (problem.body.status >= 500) {
      this.logger.error(
        { err: exception, requestId: request.id },
        `${problem.body.status} on ${request.method} ${request.url}`,
      );
    }
    void sendProblem(reply, problem);
  }

  private toProblem(exception: unknown, request: FastifyRequest): Problem {
    if (exception instanceof DomainError) return problemFromDomainError(exception);
    // Before the database's errors: a client that goes away mid-body ends the body's read
    // with ECONNRESET, which Fastify marks as the client's (400), and which is not the
    // database's ECONNRESET.
    const status = clientErrorStatus(exception);
    const code = status ? CODE_FOR_STATUS[status] : undefined;
    if (code) {
      return problemFromDomainError(
        new DomainError(code, clientErrorDetail(code, exception, request)),
      );
    }
    const databaseProblem = databaseProblemOf(exception);
    if (databaseProblem) return problemFromDomainError(databaseProblem);
    return internalProblem(String(request.id));
  }
}

// A 4xx raised by Nest (unknown route, pipes) or by Fastify (body parsing, body limit).
function clientErrorStatus(exception: unknown): number | undefined {
  if (exception instanceof HttpException) return exception.getStatus();
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return statusCode;
  return undefined;
}

function clientErrorDetail(code: DomainErrorCode, exception: unknown, request: FastifyRequest) {
  switch (code) {
    case 'not-found':
      return exception instanceof HttpException && exception.message.startsWith('Cannot ')
        ? `No such resource: ${request.method} ${request.url.split('?')[0]}`
        : 'No such resource.';
    case 'payload-too-large':
      return 'The request body is larger than the service accepts.';
    case 'unsupported-media-type':
      return 'Send JSON with Content-Type: application/json.';
    case 'malformed-request':
      return (exception as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
        exception instanceof SyntaxError
        ? 'The request body is not valid JSON.'
        : safeMessage(exception, 'The request is malformed.');
    default:
      return safeMessage(exception, 'The request cannot be processed.');
  }
}

// Messages of Nest's own HttpExceptions are written for clients; other errors' are not.
function safeMessage(exception: unknown, fallback: string): string {
  return exception instanceof HttpException ? exception.message : fallback;
}
