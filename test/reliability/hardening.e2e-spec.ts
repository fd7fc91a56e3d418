import { randomBytes } from 'node:crypto';
import { Agent } from 'node:http';
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CHECKED_WHOLE_UP_TO } from '../../src/common/http/json-shape.js';
import { AppProcess, startApp } from '../support/app-process.js';
import { withDatabase } from '../support/database.js';
import { client, postBytes, request, timeGet } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { pollUntil } from '../support/poll.js';

const PROBLEM = 'https://claimdesk.dev/problems/';
const randomToken = () => `cd_${randomBytes(32).toString('base64url')}`;
const badTokenMe = (url: string, headers: Record<string, string> = {}) =>
  request(url, 'GET', '/api/v1/me', { token: randomToken(), headers });

// 90,000 distinct unknown keys in just under 1 MB of JSON.
const unknownKeysBody = () => {
  const entries: string[] = [];
  for (let i = 0; i < 90_000; i++) entries.push(`"k${String(i).padStart(5, '0')}":0`);
  return `{${entries.join(',')}}`;
};

describe('unauthenticated traffic is cheap and limited (no TRUST_PROXY)', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp();
  });
  afterAll(() => app.stop());

  it('answers 429 with Retry-After from the 31st failed authentication of one address, whatever X-Forwarded-For says', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) {
      const response = await badTokenMe(app.url, { 'x-forwarded-for': `198.51.100.${i}` });
      statuses.push(response.status);
    }
    expect(statuses).toEqual(Array(30).fill(401));
    for (const spoofed of ['198.51.100.200', '203.0.113.9, 198.51.100.201']) {
      const limited = await badTokenMe(app.url, { 'x-forwarded-for': spoofed });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('content-type')).toContain('application/problem+json');
      expect(limited.body.type).toBe(`${PROBLEM}rate-limited`);
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    // A request without any token is a failed authentication too.
    expect((await request(app.url, 'GET', '/api/v1/claims')).status).toBe(429);
    // Public routes stay open.
    expect((await request(app.url, 'GET', '/health')).status).toBe(200);
  });
});

describe('unauthenticated traffic behind a trusted proxy (TRUST_PROXY=1)', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => app.stop());

  it('counts failed authentications per forwarded client address', async () => {
    const guesser = { 'x-forwarded-for': '203.0.113.7' };
    for (let i = 0; i < 30; i++) expect((await badTokenMe(app.url, guesser)).status).toBe(401);
    expect((await badTokenMe(app.url, guesser)).status).toBe(429);
    // Another client behind the same proxy is not punished for the guesser.
    const neighbour = { 'x-forwarded-for': '203.0.113.8' };
    expect((await badTokenMe(app.url, neighbour)).status).toBe(401);
    const reporter = await createUser(app.url, ['reporter']);
    const me = await client(app.url, reporter.token).get('/api/v1/me', { headers: neighbour });
    expect(me.status).toBe(200);
  });
});

describe('tokens, bodies and slow clients', () => {
  let app: AppProcess;
  let reporter: TestUser;
  beforeAll(async () => {
    app = await startApp({ env: { RATE_LIMIT_PER_MINUTE: '20', REQUEST_TIMEOUT_MS: '2000' } });
    reporter = await createUser(app.url, ['reporter']);
  });
  afterAll(() => app.stop());

  it('checks the token before reading the body: 1 MB of broken JSON with a bad token is a 401, not a 400 or 413', async () => {
    const broken = `{"text":"${'a'.repeat(1024 * 1024)}`;
    for (const path of ['/api/v1/claims', '/api/v1/articles']) {
      const response = await request(app.url, 'POST', path, {
        token: randomToken(),
        rawBody: broken,
      });
      expect(response.status).toBe(401);
      expect(response.body.type).toBe(`${PROBLEM}unauthenticated`);
    }
    // With a good token the same body is read, and refused for what it is.
    const parsed = await client(app.url, reporter.token).post('/api/v1/articles', {
      rawBody: broken.slice(0, 512 * 1024),
    });
    expect(parsed.status).toBe(400);
  });

  it('gives a token one budget across all routes', async () => {
    const user = await createUser(app.url, ['reporter']);
    const api = client(app.url, user.token);
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await api.get('/api/v1/me')).status);
    for (let i = 0; i < 10; i++) statuses.push((await api.get('/api/v1/claims')).status);
    expect(statuses).toEqual(Array(20).fill(200));
    const me = await api.get('/api/v1/me');
    const claims = await api.get('/api/v1/claims?limit=1');
    expect([me.status, claims.status]).toEqual([429, 429]);
    expect(Number(me.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('limits JSON bodies to BODY_LIMIT (64 kB by default) except article ingest', async () => {
    const api = client(app.url, reporter.token);
    const text = 'Officials said 12 people were hurt. '.repeat(2000);
    const claim = await api.post('/api/v1/claims', { body: { text } });
    expect(claim.status).toBe(413);
    expect(claim.body.type).toBe(`${PROBLEM}payload-too-large`);
    const article = await api.post('/api/v1/articles', { body: { text } });
    expect(article.status).toBe(201);
  });

  it('answers a 1 MB body of 90,000 unknown keys in < 100 ms with at most 20 errors, while /health stays fast', async () => {
    const body = Buffer.from(unknownKeysBody());
    expect(body.length).toBeLessThan(1024 * 1024);
    const healthTimes: number[] = [];
    const probes = new Agent({ keepAlive: true, maxSockets: 1 });
    await timeGet(app.url, '/health', probes);
    const probeHealth = async (until: () => boolean) => {
      while (!until()) healthTimes.push(await timeGet(app.url, '/health', probes));
    };
    for (const path of ['/api/v1/articles', '/api/v1/claims']) {
      let done = false;
      const started = performance.now();
      const posted = postBytes(app.url, path, body, reporter.token).finally(() => (done = true));
      const [response] = await Promise.all([posted, probeHealth(() => done)]);
      const elapsed = performance.now() - started;
      expect([400, 413]).toContain(response.status);
      expect(response.body.errors?.length ?? 0).toBeLessThanOrEqual(20);
      expect(response.text.length).toBeLessThan(4096);
      expect(elapsed).toBeLessThan(100);
    }
    probes.destroy();
    expect(healthTimes.length).toBeGreaterThan(0);
    expect(Math.max(...healthTimes)).toBeLessThan(50);
  });

  it('reads a body refused for its shape to the end, so its connection serves the next request', async () => {
    const oneConnection = new Agent({ keepAlive: true, maxSockets: 1 });
    const released: Socket[] = [];
    oneConnection.on('free', (socket: Socket) => released.push(socket));
    try {
      const body = Buffer.from(unknownKeysBody());
      const refused = await postBytes(
        app.url,
        '/api/v1/articles',
        body,
        reporter.token,
        oneConnection,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.detail).toMatch(/more than 1000 fields and items/);
      const next = await postBytes(
        app.url,
        '/api/v1/claims',
        Buffer.from(JSON.stringify({ text: 'The minister said 40,000 homes were built in 2025.' })),
        reporter.token,
        oneConnection,
      );
      expect(next.status).toBe(201);
      await new Promise((resolve) => setImmediate(resolve));
      expect(released).toHaveLength(2);
      expect(released[1]).toBe(released[0]);
    } finally {
      oneConnection.destroy();
    }
  });

  // Bodies up to CHECKED_WHOLE_UP_TO bytes are checked whole before parsing, larger ones as
  // they arrive (above): the limit holds on both paths.
  it('refuses a small body with more fields than any request needs before parsing it', async () => {
    const entries = Array.from({ length: 1_100 }, (_, i) => `"k${i}":0`);
    const body = Buffer.from(`{"text":"The minister said 40,000 homes were built.",${entries}}`);
    expect(body.length).toBeLessThanOrEqual(CHECKED_WHOLE_UP_TO);
    const refused = await postBytes(app.url, '/api/v1/claims', body, reporter.token);
    expect(refused.status).toBe(400);
    expect(refused.body.detail).toMatch(/more than 1000 fields and items/);
  });

  it('lists at most 20 field errors', async () => {
    const body: Record<string, number> = { text: 0 };
    for (let i = 0; i < 900; i++) body[`unknown${i}`] = i;
    const response = await client(app.url, reporter.token).post('/api/v1/claims', { body });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(20);
    expect(response.body.errors[0]).toEqual({ field: 'unknown0', message: 'should not exist' });
  });

  it('cuts off a body trickling one byte a second with 408 within REQUEST_TIMEOUT_MS', async () => {
    const { hostname, port } = new URL(app.url);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    // A cut-off may come as a reset (a trickled byte the service never read makes its close
    // one): the socket reports it as an error, then closes.
    socket.on('error', () => undefined);
    const closed = new Promise<number>((resolve) =>
      socket.once('close', () => resolve(Date.now())),
    );
    const started = Date.now();
    socket.write(
      'POST /api/v1/claims HTTP/1.1\r\nHost: localhost\r\n' +
        `Authorization: Bearer ${reporter.token}\r\n` +
        'Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    );
    const trickle = setInterval(() => socket.writable && socket.write(' '), 1000);
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(-1), 8000));
    const closedAt = await Promise.race([closed, timeout]);
    clearInterval(trickle);
    socket.destroy();
    expect(closedAt).toBeGreaterThan(0);
    expect(closedAt - started).toBeLessThan(2000 + 1500);
    if (received) expect(received).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('article extraction runs in a worker thread, after the idempotency lookup', () => {
  let app: AppProcess;
  let reporter: TestUser;
  // About 200,000 characters of attributed, figure-laden sentences: the costliest article.
  const hugeText = Array.from(
    { length: 2600 },
    (_, i) => `The ministry said ${i + 12} people were hurt in the attack on district ${i}. `,
  )
    .join('')
    .slice(0, 200_000);
  // The service logs one line per extraction, with the length of the text it extracted from.
  const extractionsOfHugeText = () =>
    app
      .output()
      .split('\n')
      .filter(
        (line) =>
          line.includes('extracted candidates') && line.includes(`"chars":${hugeText.length}`),
      ).length;

  beforeAll(async () => {
    app = await startApp({ env: { LOG_LEVEL: 'info' } });
    reporter = await createUser(app.url, ['reporter']);
  });
  afterAll(() => app.stop());

  it('keeps /health fast while a 200,000-character article is extracted, and does not extract again on a replay', async () => {
    const api = client(app.url, reporter.token);
    const headers = { 'idempotency-key': `huge-${randomBytes(6).toString('hex')}` };
    // A small article first, so that the extraction workers are running when the huge one comes.
    await api.post('/api/v1/articles', { body: { text: 'The mayor said 3 bridges were shut.' } });
    const probes = new Agent({ keepAlive: true, maxSockets: 1 });
    await timeGet(app.url, '/health', probes);
    let done = false;
    const ingest = api
      .post('/api/v1/articles', { body: { text: hugeText }, headers })
      .finally(() => (done = true));
    const healthTimes: number[] = [];
    while (!done) {
      healthTimes.push(await timeGet(app.url, '/health', probes));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    probes.destroy();
    const first = await ingest;
    expect(first.status).toBe(201);
    expect(first.body.candidates.length).toBeGreaterThan(100);
    const extracted = await pollUntil(
      async () => extractionsOfHugeText(),
      (count) => count > 0,
      {
        timeoutMs: 5000,
      },
    );
    expect(extracted).toBe(1);
    // Extraction on the event loop held /health for 500–1,200 ms on this article. What is
    // left on the loop is storing and answering with its 5,556 candidates, which took up to
    // 136 ms in one quiet CI run (5–25 ms typical): the bound separates the two, and
    // docs/reliability.md keeps the figure as work still to do.
    expect(Math.max(...healthTimes)).toBeLessThan(250);

    const replay = await api.post('/api/v1/articles', { body: { text: hugeText }, headers });
    expect(replay.status).toBe(201);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.body.article.id).toBe(first.body.article.id);
    expect(extractionsOfHugeText()).toBe(1);
  });
});

describe('article extraction past EXTRACTION_TIMEOUT_MS', () => {
  let app: AppProcess;
  beforeAll(async () => {
    app = await startApp({ env: { EXTRACTION_TIMEOUT_MS: '100' } });
  });
  afterAll(() => app.stop());

  it('answers 503 with Retry-After and stores nothing', async () => {
    const reporter = await createUser(app.url, ['reporter']);
    const text = 'The ministry said 40 people were hurt in the attack. '.repeat(3700);
    const response = await client(app.url, reporter.token).post('/api/v1/articles', {
      body: { text },
    });
    expect(response.status).toBe(503);
    expect(response.body.type).toBe(`${PROBLEM}extraction-unavailable`);
    expect(response.body.detail).toContain('100 ms');
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    const stored = await withDatabase((db) =>
      db.query('SELECT count(*)::int AS n FROM articles WHERE submitted_by = $1', [reporter.id]),
    );
    expect(stored.rows[0].n).toBe(0);
    expect((await request(app.url, 'GET', '/health')).status).toBe(200);
  });
});
