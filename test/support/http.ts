// A small JSON client for end-to-end specs: real HTTP, real headers, no mocks.
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
  let body: unknown = text;
  if (/application\/(problem\+|ld\+)?json/.test(response.headers.get('content-type') ?? '') && text)
    body = JSON.parse(text);
  return { status: response.status, headers: response.headers, body: body as T, text };
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
