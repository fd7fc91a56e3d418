// A small JSON client for end-to-end specs: real HTTP, real headers, no mocks.
import { type Agent, request as httpRequest } from 'node:http';

export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

export async function request<T = any>(
  baseUrl: string,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let payload: string | undefined = options.rawBody;
  if (options.body !== undefined) payload = JSON.stringify(options.body);
  if (payload !== undefined) headers['content-type'] ??= 'application/json';
  const response = await fetch(baseUrl + path, { method, headers, body: payload });
  const text = await response.text();
  const body = bodyOf(response.headers.get('content-type'), text) as T;
  return { status: response.status, headers: response.headers, body, text };
}

// JSON answers (plain, problem, JSON-LD) parsed; any other text as it came.
function bodyOf(contentType: string | null | undefined, text: string): unknown {
  return /application\/(problem\+|ld\+)?json/.test(contentType ?? '') && text
    ? JSON.parse(text)
    : text;
}

export function client(baseUrl: string, token?: string) {
  const call =
    (method: string) =>
    <T = any>(path: string, options: RequestOptions = {}) =>
      request<T>(baseUrl, method, path, { token, ...options });
  return {
    get: call('GET'),
    post: call('POST'),
    patch: call('PATCH'),
    delete: call('DELETE'),
    put: call('PUT'),
  };
}

// Posts a body already encoded, through node:http, which writes the bytes as they are.
// fetch encodes a string body and copies it again into a stream, ~10 ms for 1 MB on the
// event loop of the spec, which would count against whatever the spec times meanwhile.
export function postBytes(
  baseUrl: string,
  path: string,
  bytes: Buffer,
  token: string,
  agent?: Agent,
): Promise<Omit<ApiResponse, 'headers'>> {
  return new Promise((resolve, reject) => {
    const headers = {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'content-length': String(bytes.length),
    };
    const outgoing = httpRequest(baseUrl + path, { method: 'POST', headers, agent }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => {
        const body = bodyOf(response.headers['content-type'], text);
        resolve({ status: response.statusCode!, body, text });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(bytes);
  });
}

// How long a GET takes to be answered in full, in ms, over `agent` (one kept-alive
// connection, already open): what a spec times is then the service, not a new connection
// nor fetch's own work on the spec's event loop.
export function timeGet(baseUrl: string, path: string, agent: Agent): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(baseUrl + path, { agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(performance.now() - started));
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end();
  });
}
