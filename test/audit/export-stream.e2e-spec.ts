import { readFile } from 'node:fs/promises';
import { get as httpGet } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AppProcess, startApp } from '../support/app-process.js';
import { pollUntil } from '../support/poll.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { seedLargeHistory } from './support/history.js';

// AUDIT_EXPORT_EVENTS=1000000 for the full-size measurement (docs/audit.md); the default
// keeps the suite quick while still far larger than any buffer in the export path.
const EVENTS = Number(process.env.AUDIT_EXPORT_EVENTS ?? 200_000);
const PER_CLAIM = 100;
const RSS_BUDGET_BYTES = 64 * 1024 * 1024;
const TIMEOUT_MS = Math.max(120_000, EVENTS / 2);
// Seeding is not what this suite measures, and on a busy CI machine (two other suites and
// a browser beside it) it has taken five times as long as beside two export suites here
// (69 s against 13 s for 200,000 events).
const SETUP_TIMEOUT_MS = Math.max(300_000, EVENTS);

const rssOf = async (pid: number) => {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
};
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

describe('streamed export of a large history', () => {
  let database: { url: string; drop(): Promise<void> };
  let app: AppProcess;
  let token: string;

  const query = async (sql: string, values: unknown[] = []) => {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      return (await db.query(sql, values)).rows;
    } finally {
      await db.end();
    }
  };
  const startExport = (format: string) =>
    fetch(`${app.url}/api/v1/audit/export?format=${format}`, {
      headers: { authorization: `Bearer ${token}` },
    });

  // A client that reads the first chunk of an export and then drops the connection.
  const disconnectAfterFirstChunk = () =>
    new Promise<void>((resolve, reject) => {
      const request = httpGet(
        `${app.url}/api/v1/audit/export?format=ndjson`,
        { headers: { authorization: `Bearer ${token}` }, agent: false },
        (response) => {
          response.once('data', () => {
            request.destroy();
            resolve();
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
    });

  beforeAll(async () => {
    database = await createScratchDatabase();
    // A small pool, so a leaked connection would show at once.
    app = await startApp({ env: { DATABASE_URL: database.url, DATABASE_POOL_SIZE: '3' } });
    token = (await createUser(app.url, ['auditor'])).token;
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    const started = Date.now();
    await seedLargeHistory(db, Math.ceil(EVENTS / PER_CLAIM), PER_CLAIM);
    await db.end();
    console.log(`seeded ${EVENTS} events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }, SETUP_TIMEOUT_MS);
  afterAll(async () => {
    await app?.stop();
    await database?.drop();
  });

  it.each(['ndjson', 'csv'])(
    'exports every event as %s while the server’s memory stays flat',
    async (format) => {
      // Warm up: the first request loads code and fills caches that are not the export's.
      await (await startExport(`${format}&type=claim.edited`)).arrayBuffer();
      await new Promise((resolve) => setTimeout(resolve, 500));
      const pid = app.child.pid!;
      const baseline = await rssOf(pid);
      let peak = baseline;
      const sampler = setInterval(() => {
        rssOf(pid).then(
          (rss) => (peak = Math.max(peak, rss)),
          () => undefined,
        );
      }, 50);

      const started = Date.now();
      const response = await startExport(format);
      let bytes = 0;
      let newlines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) newlines++;
      }
      const seconds = (Date.now() - started) / 1000;
      clearInterval(sampler);

      // + the system chain's events (the auditor and the first admin); + the CSV header
      const [{ count }] = await query('SELECT count(*)::int AS count FROM audit_events');
      expect(newlines).toBe(count + (format === 'csv' ? 1 : 0));
      console.log(
        `${format}: ${count} events, ${mb(bytes)} MB in ${seconds.toFixed(1)} s ` +
          `(${Math.round(count / seconds)} events/s, ${mb(bytes / seconds)} MB/s); ` +
          `server RSS ${mb(baseline)} MB before, peak ${mb(peak)} MB (+${mb(peak - baseline)} MB)`,
      );
      expect(peak - baseline).toBeLessThan(RSS_BUDGET_BYTES);
    },
    TIMEOUT_MS,
  );

  it('releases the cursor and the connection when the client disconnects mid-export', async () => {
    // More aborted exports than the pool has connections: a leak would starve it.
    for (let attempt = 0; attempt < 5; attempt++) await disconnectAfterFirstChunk();

    const exportBackends = () =>
      query(
        `SELECT count(*)::int AS count FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
            AND query LIKE '%FROM audit_events%' AND state <> 'idle'`,
      ).then(([row]) => row.count as number);
    expect(await pollUntil(exportBackends, (count) => count === 0, { timeoutMs: 10_000 })).toBe(0);

    const page = await client(app.url, token).get('/api/v1/audit/events?limit=1');
    expect(page.status).toBe(200);
    expect(app.output()).not.toMatch(/unhandled|uncaught/i);
  });

  it('shuts down within its grace period while a client has stopped reading an export', async () => {
    // Its own app, so the other specs keep theirs.
    const stalling = await startApp({ env: { DATABASE_URL: database.url } });
    const stalled = new Promise<void>((resolve, reject) => {
      const request = httpGet(
        `${stalling.url}/api/v1/audit/export?format=ndjson`,
        { headers: { authorization: `Bearer ${token}` }, agent: false },
        (response) => {
          // Read one chunk, then stop reading without closing: back-pressure stalls the
          // export on the server side.
          response.once('data', () => {
            response.pause();
            resolve();
          });
        },
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ECONNRESET') reject(error);
      });
    });
    await stalled;
    const started = Date.now();
    await stalling.stop();
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(stalling.output()).toContain('grace period over');
  }, 60_000);
});
