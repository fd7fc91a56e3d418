import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp, testDatabaseUrl } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser } from '../support/people.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// The app reaches PostgreSQL through a relay the test can cut, so the outage touches only
// this app, never the server the rest of the suite uses.
describe('database outage', () => {
  let app: AppProcess;
  let proxy: TcpProxy;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    app = await startApp({ env: { DATABASE_URL: proxy.route(testDatabaseUrl()) } });
  });
  afterAll(async () => {
    await app.stop();
    await proxy.close();
  });

  it('reports the database down with 503s while it is unreachable, and recovers by itself', async () => {
    const http = client(app.url, ADMIN_TOKEN);
    expect((await http.get('/health')).status).toBe(200);

    proxy.cutConnections();
    const started = Date.now();
    const health = await http.get('/health');
    expect(health.status).toBe(503);
    expect(health.body).toEqual({ status: 'unavailable', db: 'down' });

    const me = await http.get('/api/v1/me');
    expect(me.status).toBe(503);
    expect(me.headers.get('content-type')).toContain('application/problem+json');
    expect(me.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(me.body.type).toBe('https://claimdesk.dev/problems/database-unavailable');
    expect(me.text).not.toMatch(/ECONN|pg|SELECT|at .*\.js/);
    expect(Date.now() - started).toBeLessThan(10_000);

    proxy.restore();
    let recovered = 0;
    for (let attempt = 0; attempt < 20 && recovered !== 200; attempt++) {
      recovered = (await http.get('/health')).status;
      if (recovered !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(recovered).toBe(200);
    expect((await http.get('/api/v1/me')).status).toBe(200);
  });

  it('answers every write during an outage under load with 2xx or a prompt 503, never a hang or 500', async () => {
    const reporter = await createUser(app.url, ['reporter']);
    const http = client(app.url, reporter.token);
    const outcomes: { status: number; ms: number; problem: boolean }[] = [];
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const started = Date.now();
        const response = await http.post('/api/v1/claims', {
          body: { text: 'The council said 3,400 households lost power.' },
        });
        outcomes.push({
          status: response.status,
          ms: Date.now() - started,
          problem: (response.headers.get('content-type') ?? '').includes('problem+json'),
        });
      }
    };
    const workers = Array.from({ length: 16 }, worker);
    await new Promise((resolve) => setTimeout(resolve, 500));
    proxy.cutConnections();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    proxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    stop = true;
    await Promise.all(workers);

    const unavailable = outcomes.filter((outcome) => outcome.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.every((outcome) => outcome.problem)).toBe(true);
    expect(outcomes.filter((outcome) => outcome.status !== 201 && outcome.status !== 503)).toEqual(
      [],
    );
    // Bounded: the pool's connect timeout, not a hang.
    expect(Math.max(...outcomes.map((outcome) => outcome.ms))).toBeLessThan(10_000);
    // Recovered by itself: the last writes succeeded.
    expect(outcomes.slice(-16).every((outcome) => outcome.status === 201)).toBe(true);
    console.log(
      `outage test: ${outcomes.length} writes, ${unavailable.length} × 503, ` +
        `slowest ${Math.max(...outcomes.map((outcome) => outcome.ms))} ms`,
    );
  });
});
