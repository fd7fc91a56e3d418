import { session } from './session.js';

// RFC 9457 problem details, as every claimdesk error is answered.
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  // From Retry-After (seconds), on a 503 or 429 the service expects to pass.
  constructor(
    readonly problem: Problem,
    readonly retryAfterSeconds?: number,
  ) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

export const STALE_MESSAGE = 'Changed by someone else — reload to see the latest version.';

// What the desk shows for a failed call: a 412 always reads the same way (the editor's
// input stays in the form); anything else shows the problem's own detail.
export function messageOf(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 412) return STALE_MESSAGE;
    const fields = error.problem.errors?.map((e) => `${e.field}: ${e.message}`).join('; ');
    return error.problem.detail ?? fields ?? error.problem.title;
  }
  if (error instanceof TypeError) return 'The service could not be reached. Try again.';
  return error instanceof Error ? error.message : String(error);
}

export interface Reply<T> {
  status: number;
  body: T;
  etag: string | null;
  headers: Headers;
}

export interface CallOptions {
  body?: unknown;
  ifMatch?: string | null;
  idempotencyKey?: string;
  // Only to trade an access token for a session; otherwise the session cookie is sent.
  token?: string;
}

export async function call<T>(method: string, path: string, options: CallOptions = {}) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.ifMatch) headers['if-match'] = options.ifMatch;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  if (response.status === 401 && !options.token) session.expired();
  const text = await response.text();
  const type = response.headers.get('content-type') ?? '';
  const body = text && type.includes('json') ? JSON.parse(text) : text;
  if (!response.ok) {
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(
      typeof body === 'object' && body
        ? (body as Problem)
        : { type: 'about:blank', title: response.statusText, status: response.status },
      Number.isInteger(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    );
  }
  return {
    status: response.status,
    body: body as T,
    etag: response.headers.get('etag'),
    headers: response.headers,
  } satisfies Reply<T>;
}

export const get = <T>(path: string) => call<T>('GET', path);
export const post = <T>(path: string, options: CallOptions = {}) => call<T>('POST', path, options);
export const del = <T>(path: string) => call<T>('DELETE', path);

// A download the browser saves (exports, digests): fetched with the session, then handed
// to the browser as a blob. Returns the text too, so the page can check it first.
export async function download(path: string, fallbackName: string) {
  const response = await fetch(`/api/v1${path}`);
  if (!response.ok) {
    const problem = (await response.json().catch(() => null)) as Problem | null;
    throw new ApiError(
      problem ?? { type: 'about:blank', title: response.statusText, status: response.status },
    );
  }
  const blob = await response.blob();
  const disposition = response.headers.get('content-disposition') ?? '';
  const name = /filename="?([^";]+)"?/.exec(disposition)?.[1] ?? fallbackName;
  saveBlob(blob, name);
  return { text: await blob.text(), name };
}

export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

export function query(params: Record<string, string | number | boolean | undefined | null>) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) {
      search.set(key, String(value));
    }
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

// Keys for Idempotency-Key: one per form fill, so a double click or a retry after a
// dropped connection never files the same claim twice.
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
