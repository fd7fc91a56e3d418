// Errors the service raises on purpose. Services throw these with a code; the problem
// details filter is the one place that turns a code into an HTTP status (STYLE.md item 4).
export type DomainErrorCode =
  | 'validation'
  | 'malformed-request'
  | 'not-found'
  | 'unauthenticated'
  | 'forbidden'
  | 'four-eyes'
  | 'illegal-transition'
  | 'claim-decided'
  | 'conflict'
  | 'stale-version'
  | 'precondition-required'
  | 'evidence-missing'
  | 'idempotency-key-reused'
  | 'idempotency-in-flight'
  | 'unprocessable'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'request-timeout'
  | 'headers-too-large'
  | 'rate-limited'
  | 'database-unavailable'
  | 'exports-busy'
  | 'lookups-busy'
  | 'extraction-unavailable';

export interface FieldError {
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  errors?: FieldError[];
  headers?: Record<string, string>;
  // Extra members for the problem body, e.g. `allowed` transitions.
  extensions?: Record<string, unknown>;
  cause?: unknown;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly options: DomainErrorOptions = {},
  ) {
    super(detail, { cause: options.cause });
    this.name = 'DomainError';
  }
}
