import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorCode, FieldError } from './domain-error.js';

export const PROBLEM_BASE = 'https://claimdesk.dev/problems/';
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

// RFC 9457 problem details as claimdesk sends them.
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
}

export interface Problem {
  body: ProblemBody;
  headers: Record<string, string>;
}

function describe(code: DomainErrorCode): { status: number; title: string } {
  switch (code) {
    case 'validation':
      return { status: 400, title: 'Invalid request' };
    case 'malformed-request':
      return { status: 400, title: 'Malformed request' };
    case 'unauthenticated':
      return { status: 401, title: 'Authentication required' };
    case 'forbidden':
      return { status: 403, title: 'Not allowed' };
    case 'four-eyes':
      return { status: 403, title: 'Four-eyes rule' };
    case 'not-found':
      return { status: 404, title: 'Not found' };
    case 'illegal-transition':
      return { status: 409, title: 'Illegal transition' };
    case 'claim-decided':
      return { status: 409, title: 'Claim already decided' };
    case 'conflict':
      return { status: 409, title: 'Conflict' };
    case 'idempotency-in-flight':
      return { status: 409, title: 'Request still in progress' };
    case 'stale-version':
      return { status: 412, title: 'Changed by someone else' };
    case 'payload-too-large':
      return { status: 413, title: 'Request body too large' };
    case 'unsupported-media-type':
      return { status: 415, title: 'Unsupported media type' };
    case 'request-timeout':
      return { status: 408, title: 'Request timed out' };
    case 'headers-too-large':
      return { status: 431, title: 'Request headers too large' };
    case 'evidence-missing':
      return { status: 422, title: 'Evidence rule not met' };
    case 'idempotency-key-reused':
      return { status: 422, title: 'Idempotency key reused' };
    case 'unprocessable':
      return { status: 422, title: 'Unprocessable request' };
    case 'precondition-required':
      return { status: 428, title: 'If-Match required' };
    case 'rate-limited':
      return { status: 429, title: 'Too many requests' };
    case 'database-unavailable':
      return { status: 503, title: 'Service unavailable' };
    case 'extraction-unavailable':
      return { status: 503, title: 'Claim extraction unavailable' };
    case 'exports-busy':
      return { status: 503, title: 'Every export slot is in use' };
    case 'lookups-busy':
      return { status: 503, title: 'Duplicate lookups busy' };
  }
}

export function problemFromDomainError(error: DomainError): Problem {
  const { status, title } = describe(error.code);
  const body: ProblemBody = {
    ...error.options.extensions,
    type: PROBLEM_BASE + error.code,
    title,
    status,
    detail: error.detail,
  };
  if (error.options.errors?.length) body.errors = error.options.errors;
  return { body, headers: { ...error.options.headers } };
}

export function internalProblem(requestId: string): Problem {
  return {
    body: {
      type: PROBLEM_BASE + 'internal',
      title: 'Internal error',
      status: 500,
      detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
    },
    headers: {},
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply
    .status(problem.body.status)
    .headers(problem.headers)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem.body);
}
