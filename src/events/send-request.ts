import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { guardedLookup, isPrivateAddress } from './target-address.js';

export const DELIVERY_TIMEOUT_MS = 10_000;
export const RESPONSE_BODY_LIMIT = 4096;

export interface SendResult {
  statusCode: number | null;
  error: string | null;
  responseBody: string | null;
  durationMs: number;
  // Stopped by shutdown, not by the receiver: the attempt does not count.
  aborted: boolean;
}

// One POST: redirects are not followed (a 3xx is a failed attempt), the whole exchange is
// bounded by the timeout, and no more than 4 kB of the response is read before the
// connection is dropped, so a slow or huge answer costs nothing more.
export function sendRequest(
  target: string,
  headers: Record<string, string>,
  body: string,
  options: { allowPrivate: boolean; signal: AbortSignal; timeoutMs?: number },
): Promise<SendResult> {
  const started = performance.now();
  const url = new URL(target);
  const result = (fields: Partial<SendResult>): SendResult => ({
    statusCode: null,
    error: null,
    responseBody: null,
    durationMs: Math.round(performance.now() - started),
    aborted: false,
    ...fields,
  });
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  if (!options.allowPrivate && isIP(hostname) && isPrivateAddress(hostname)) {
    return Promise.resolve(result({ error: 'target is a private address' }));
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (fields: Partial<SendResult>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      options.signal.removeEventListener('abort', onAbort);
      request.destroy();
      resolve(result(fields));
    };
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(body)),
        'user-agent': 'claimdesk-webhooks/1',
      },
      lookup: guardedLookup(options.allowPrivate) as never,
      agent: false,
    });
    const timer = setTimeout(
      () => finish({ error: `timed out after ${options.timeoutMs ?? DELIVERY_TIMEOUT_MS} ms` }),
      options.timeoutMs ?? DELIVERY_TIMEOUT_MS,
    );
    const onAbort = () => finish({ error: 'stopped by shutdown', aborted: true });
    options.signal.addEventListener('abort', onAbort);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({ error: error.code ? `${error.code}: ${error.message}` : error.message }),
    );
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const done = () =>
        finish({
          statusCode: response.statusCode ?? null,
          responseBody: truncateUtf8(Buffer.concat(chunks), RESPONSE_BODY_LIMIT),
        });
      response.on('data', (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size >= RESPONSE_BODY_LIMIT) done();
      });
      response.on('end', done);
      response.on('error', done);
    });
    request.end(body);
  });
}

// At most `limit` bytes of valid UTF-8 (a cut character is dropped, not mangled).
function truncateUtf8(bytes: Buffer, limit: number): string {
  let text = bytes.subarray(0, limit).toString('utf8');
  while (Buffer.byteLength(text) > limit || text.endsWith('\uFFFD')) text = text.slice(0, -1);
  // PostgreSQL text cannot hold NUL.
  return text.replaceAll('\u0000', '');
}
