import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { staticSecurityHeaders } from './security-headers.js';
import { DomainError } from '../problem/domain-error.js';
import { PROBLEM_CONTENT_TYPE, problemFromDomainError } from '../problem/problem.js';

// Fastify's router answers a malformed URL and an over-long path parameter before any hook
// or filter runs, in its own JSON that echoes the path. These keep them problem+json: an
// over-long id names nothing (404, as a malformed uuid does), a malformed URL is a 400.
export function routerErrorHandler(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const problem = problemFromDomainError(
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? new DomainError('not-found', 'No such resource.')
      : new DomainError('malformed-request', 'The request URL is malformed.'),
  );
  void reply
    .status(problem.body.status)
    .headers(staticSecurityHeaders)
    .header('x-request-id', request.id)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem.body);
}

// Node's HTTP parser rejects some requests (headers too large, a timeout, garbage) before
// Fastify sees them; Fastify would answer in its own JSON. Same answers, as problems.
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const problem = problemFromDomainError(
    error.code === 'HPE_HEADER_OVERFLOW'
      ? new DomainError('headers-too-large', 'The request headers (or URL) are too large.')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? new DomainError('request-timeout', 'The request took too long to arrive.')
        : new DomainError('malformed-request', 'The request is not valid HTTP.'),
  );
  const body = JSON.stringify(problem.body);
  const headers = Object.entries({
    ...staticSecurityHeaders,
    'content-type': PROBLEM_CONTENT_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  });
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${problem.body.status} ${problem.body.title}\r\n` +
        headers.map(([name, value]) => `${name}: ${value}\r\n`).join('') +
        `\r\n${body}`,
    );
  }
  socket.destroy(error);
}
