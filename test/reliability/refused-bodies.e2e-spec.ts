import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, type Socket } from 'node:net';
import { AppProcess, startApp } from '../support/app-process.js';
import { createUser, TestUser } from '../support/people.js';

const PROBLEM = 'https://claimdesk.dev/problems/';

// A body refused on its Content-Length (over BODY_LIMIT, 64 kB) is answered while the
// client is still sending it. The client must read that answer, not a broken pipe
// (src/common/http/refused-bodies.ts).
describe('bodies refused before they are read', () => {
  let app: AppProcess;
  let reporter: TestUser;

  beforeAll(async () => {
    app = await startApp();
    reporter = await createUser(app.url, ['reporter']);
  });
  afterAll(() => app.stop());

  // ~940 kB: over BODY_LIMIT, under ARTICLE_BODY_LIMIT (1 MB, the largest any route takes).
  const largeClaim = JSON.stringify({
    text: 'Officials said 12 people were hurt. '.repeat(26_000),
  });

  // Raw HTTP on one socket: what the server does with the connection after the 413. A fetch
  // that was still sending when the socket closed failed with EPIPE (the CI run of 58c5620,
  // hardening spec; 53 of 300 one-megabyte posts from a script).
  const open = async () => {
    const { hostname, port } = new URL(app.url);
    const socket = connect(Number(port), hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const state = { received: '', closed: false };
    socket.on('data', (chunk: Buffer) => (state.received += chunk.toString()));
    socket.once('close', () => (state.closed = true));
    // A close with unread bytes in the service's buffer is a reset: an error, then the close.
    socket.on('error', () => undefined);
    return { socket, state };
  };
  const postHead = (socket: Socket, length: number) =>
    socket.write(
      `POST /api/v1/claims HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${reporter.token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`,
    );
  const until = async (condition: () => boolean, what: string) => {
    for (const started = Date.now(); !condition();) {
      if (Date.now() - started > 5000) throw new Error(`gave up waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  it('reads the rest of such a body after its 413, and serves the next request on the same connection', async () => {
    const { socket, state } = await open();
    postHead(socket, Buffer.byteLength(largeClaim));
    await until(() => state.received.includes(`${PROBLEM}payload-too-large`), 'the 413');
    expect(state.received).toMatch(/^HTTP\/1\.1 413 /);
    expect(state.received.toLowerCase()).not.toContain('connection: close');
    socket.write(largeClaim);
    socket.write('GET /health HTTP/1.1\r\nHost: x\r\n\r\n');
    await until(() => /HTTP\/1\.1 200 /.test(state.received), 'the health check');
    expect(state.closed).toBe(false);
    socket.destroy();
  });

  it('takes a client that goes away mid-body for a client gone, not for a database outage', async () => {
    const logged = app.output().length;
    for (let i = 0; i < 3; i++) {
      const { socket } = await open();
      postHead(socket, 5000);
      socket.write('{"text": "Officials said 12 people');
      await new Promise((resolve) => setTimeout(resolve, 30));
      socket.destroy();
    }
    // The service reads on, meets the end of the connection and answers no one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const since = app.output().slice(logged);
    expect(since).not.toContain('503 on POST');
    expect(since).not.toContain('database-unavailable');
    const { status } = await fetch(`${app.url}/health`);
    expect(status).toBe(200);
  });

  it('closes the connection after the 413 of a body larger than any route accepts', async () => {
    const { socket, state } = await open();
    postHead(socket, 5 * 1024 * 1024);
    await until(() => state.closed, 'the server to close the connection');
    expect(state.received).toMatch(/^HTTP\/1\.1 413 /);
    expect(state.received.toLowerCase()).toContain('connection: close');
  });
});
