import { BODY_LIMIT } from './hostile.js';

// What must never reach a client (SPEC §4): stack frames, SQL, driver and framework names.
const LEAKS = [
  /\bat [\w.<>]+ \(/,
  /node_modules/,
  /\.[jt]s:\d+/,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
  /QueryFailedError|TypeORM|typeorm|EntityManager/,
  /\bpg_\w+|relation "|column "|violates|constraint|syntax error at/,
  /FST_ERR|Fastify|NestJS|class-validator|HttpException/,
  /"stack"|"statusCode"|"code":"/,
];

export interface Sent {
  method: string;
  path: string;
  token?: string;
  body?: string;
  headers?: Record<string, string>;
}

export interface Received {
  status: number;
  contentType: string;
  text: string;
}

// The service answers a body over BODY_LIMIT with 413 as soon as the limit is passed and
// may close the connection while the client is still writing; the client then sees EPIPE or
// a reset instead of the 413. That is a refusal too, reported as such.
const REFUSED_UPLOAD: Received = { status: 413, contentType: 'connection-closed', text: '' };
const isClosedConnection = (error: unknown) =>
  ['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(
    String((error as { cause?: { code?: string } }).cause?.code),
  );

// Raw fetch: the answer is read as text (an export is NDJSON or CSV, not one JSON value).
export async function send(baseUrl: string, sent: Sent): Promise<Received> {
  const headers: Record<string, string> = { ...sent.headers };
  if (sent.token) headers.authorization = `Bearer ${sent.token}`;
  if (sent.body !== undefined) headers['content-type'] ??= 'application/json';
  try {
    const response = await fetch(baseUrl + sent.path, {
      method: sent.method,
      headers,
      body: sent.body,
    });
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      text: await response.text(),
    };
  } catch (error) {
    const oversized = Buffer.byteLength(sent.body ?? '') > BODY_LIMIT;
    if (oversized && isClosedConnection(error)) return REFUSED_UPLOAD;
    throw error;
  }
}

// Returns what is wrong with a response to hostile input, or undefined if nothing is:
// no 5xx; a 4xx is problem+json with type/title/status/detail and leaks nothing.
export function problemWith(sent: Sent, received: Received): string | undefined {
  if (received.status >= 500)
    return `server error ${received.status}: ${received.text.slice(0, 300)}`;
  if (received.status < 400 || received === REFUSED_UPLOAD) return undefined;
  if (!received.contentType.startsWith('application/problem+json')) {
    return `4xx without problem+json (${received.contentType}): ${received.text.slice(0, 300)}`;
  }
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(received.text) as Record<string, unknown>;
  } catch {
    return `problem body is not JSON: ${received.text.slice(0, 300)}`;
  }
  if (
    typeof body.type !== 'string' ||
    !body.type.startsWith('https://claimdesk.dev/problems/') ||
    typeof body.title !== 'string' ||
    body.status !== received.status ||
    typeof body.detail !== 'string'
  ) {
    return `problem body lacks type/title/status/detail: ${received.text.slice(0, 300)}`;
  }
  // A 404 may echo the path it was asked for; what the caller sent is not a leak.
  const own = received.text.split(sent.path.split('?')[0]).join('');
  const leak = LEAKS.find((pattern) => pattern.test(own));
  return leak ? `problem body leaks ${leak}: ${received.text.slice(0, 300)}` : undefined;
}

// Sends and throws with a reproducible description if the response is wrong.
export async function sendHostile(baseUrl: string, sent: Sent): Promise<Received> {
  const received = await send(baseUrl, sent);
  const problem = problemWith(sent, received);
  if (problem) {
    const shown = (sent.body ?? '').slice(0, 400);
    throw new Error(`${sent.method} ${sent.path.slice(0, 300)} ${shown}\n→ ${problem}`);
  }
  return received;
}
