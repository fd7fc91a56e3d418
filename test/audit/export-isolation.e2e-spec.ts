import { connect, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { seedLargeHistory } from './support/history.js';

const EXPORT_POOL_SIZE = 2;
const STALL_TIMEOUT_MS = 5000;
// ~14 MB of NDJSON: far more than the socket buffers between the service and a reader
// that stopped, so an export really is stuck on back-pressure.
const CLAIMS = 300;
const PER_CLAIM = 100;

interface OpenExport {
  socket: Socket;
  status: number;
  head: string;
  // Resolves when the service closes the connection.
  closed: Promise<void>;
}

// An export over a raw socket that reads the response head and then stops reading, as a
// client that hung or a reader on a dead link does.
function openAndStopReading(baseUrl: string, token: string): Promise<OpenExport> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const closed = new Promise<void>((resolveClosed) =>
      socket.once('close', () => resolveClosed()),
    );
    let received = '';
    socket.on('error', () => undefined);
    const onData = (chunk: Buffer) => {
      received += chunk.toString('latin1');
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      socket.pause();
      socket.removeListener('data', onData);
      const head = received.slice(0, end);
      resolve({ socket, status: Number(head.split(' ')[1]), head, closed });
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed before the response head')));
    socket.write(
      `GET /api/v1/audit/export?format=ndjson HTTP/1.1\r\nHost: ${hostname}\r\n` +
        `Authorization: Bearer ${token}\r\n\r\n`,
    );
  });
}

const header = (head: string, name: string) =>
  new RegExp(`^${name}: *(.*)$`, 'im').exec(head)?.[1]?.trim();

// Audit exports have their own pool and a stall timeout (SPEC §10): readers that stop
// reading must not take the connections that /health and the editors' requests use.
describe('stalled exports beside the rest of the service', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let auditors: TestUser[];
  const opened: OpenExport[] = [];

  const exportConnections = async () => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      const { rows } = await db.query<{ count: number }>(
        `SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE datname = current_database() AND application_name = 'claimdesk-export'
            AND pid <> pg_backend_pid()`,
      );
      return rows[0].count;
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    database = await createScratchDatabase();
    app = await startApp({
      env: {
        DATABASE_URL: database.url,
        // As small as the export pool plus one: before exports had a pool of their own,
        // three of them took every connection.
        DATABASE_POOL_SIZE: String(EXPORT_POOL_SIZE + 1),
        EXPORT_POOL_SIZE: String(EXPORT_POOL_SIZE),
        EXPORT_STALL_TIMEOUT_MS: String(STALL_TIMEOUT_MS),
      },
    });
    auditors = await Promise.all(
      Array.from({ length: EXPORT_POOL_SIZE + 1 }, () => createUser(app.url, ['auditor'])),
    );
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    await seedLargeHistory(db, CLAIMS, PER_CLAIM);
    await db.end();
  }, 120_000);
  afterAll(async () => {
    for (const { socket } of opened) socket.destroy();
    await app?.stop();
    await database?.drop();
  });

  it('keeps /health and GET /claims fast, refuses what does not fit, and drops stalled readers', async () => {
    const started = performance.now();
    for (const auditor of auditors) opened.push(await openAndStopReading(app.url, auditor.token));
    const [first, second, third] = opened;
    expect([first.status, second.status]).toEqual([200, 200]);
    // No slot left: refused at once, never queued.
    expect(third.status).toBe(503);
    expect(header(third.head, 'content-type')).toContain('application/problem+json');
    expect(Number(header(third.head, 'retry-after'))).toBeGreaterThan(0);

    // Let the readers' socket buffers fill: the two exports are now stuck on back-pressure.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await exportConnections()).toBe(EXPORT_POOL_SIZE);

    let slowestHealth = 0;
    for (let check = 0; check < 5; check++) {
      const before = performance.now();
      const health = await fetch(`${app.url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ status: 'ok', db: 'up' });
      slowestHealth = Math.max(slowestHealth, performance.now() - before);
    }
    expect(slowestHealth).toBeLessThan(1000);
    const beforeClaims = performance.now();
    const claims = await client(app.url, ADMIN_TOKEN).get('/api/v1/claims?limit=5');
    const claimsMs = performance.now() - beforeClaims;
    expect(claims.status).toBe(200);
    expect(claims.body.items).toHaveLength(5);

    // One export at a time per user.
    const again = await client(app.url, auditors[0].token).get('/api/v1/audit/export');
    expect(again.status).toBe(429);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(again.headers.get('retry-after'))).toBeGreaterThan(0);

    // The stalled readers are dropped after the timeout, and their connections released.
    while ((await exportConnections()) > 0 && performance.now() - started < STALL_TIMEOUT_MS * 3) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const droppedAfter = performance.now() - started;
    expect(await exportConnections()).toBe(0);
    expect(droppedAfter).toBeGreaterThanOrEqual(STALL_TIMEOUT_MS);
    expect(droppedAfter).toBeLessThan(STALL_TIMEOUT_MS + 5000);
    console.log(
      `stalled exports: slowest /health ${slowestHealth.toFixed(0)} ms, GET /claims ` +
        `${claimsMs.toFixed(0)} ms, dropped ${(droppedAfter / 1000).toFixed(1)} s after opening`,
    );
    // Reading again, the readers find their connections closed by the service, the
    // export unfinished.
    for (const { socket } of [first, second]) socket.resume();
    await Promise.all([first.closed, second.closed]);

    // The slots are free again: a reader that reads gets the whole export.
    const whole = await client(app.url, auditors[0].token).get(
      '/api/v1/audit/export?format=ndjson',
    );
    expect(whole.status).toBe(200);
    expect(whole.text.trimEnd().split('\n').length).toBeGreaterThanOrEqual(CLAIMS * PER_CLAIM);
  }, 60_000);
});
