import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp, testDatabaseUrl } from '../support/app-process.js';
import { submitClaim, transition } from '../support/claims.js';
import { withClient } from '../support/database.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser } from '../support/people.js';
import { pollUntil } from '../support/poll.js';
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

  // Holds the claim's row, sends `request`, cancels the service's backend once it waits for
  // that row, and returns the answer.
  const cancelledWhileWaiting = <T>(claimId: string, request: () => Promise<T>) =>
    withClient(testDatabaseUrl(), async (holder) => {
      await holder.query('BEGIN');
      await holder.query('SELECT id FROM claims WHERE id = $1 FOR UPDATE', [claimId]);
      const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      const answering = request();
      const waiting = await pollUntil(
        () =>
          withClient(testDatabaseUrl(), async (db) => {
            const found = await db.query<{ pid: number }>(
              'SELECT pid FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))',
              [rows[0]!.pid],
            );
            return found.rows;
          }),
        (found) => found.length > 0,
        { timeoutMs: 10_000 },
      );
      expect(waiting).toHaveLength(1);
      await holder.query('SELECT pg_cancel_backend($1)', [waiting[0]!.pid]);
      const response = await answering;
      await holder.query('ROLLBACK');
      return response;
    });

  // A statement PostgreSQL cancels (past the service's statement timeout, or by an operator's
  // pg_cancel_backend) is a bound met, not a defect: a 503 to try again, the claim as it was.
  it('answers a request whose statement the database cancels with a 503 to retry, not a 500', async () => {
    const { reporter, editor } = await createNewsroom(app.url);
    const claim = await submitClaim(app.url, reporter);
    const answer = await cancelledWhileWaiting(claim.id, () =>
      transition(app.url, editor, claim, 'in_review', 'Taking it.'),
    );
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(answer.body.type).toBe('https://claimdesk.dev/problems/database-unavailable');
    expect(answer.text).not.toMatch(/57014|canceling|SELECT|at .*\.js/);
    const after = await client(app.url, editor.token).get(`/api/v1/claims/${claim.id}`);
    expect(after.body).toMatchObject({ status: 'submitted', version: claim.version });
  });

  it('answers a bulk item whose statement the database cancels as that request would, and does the rest', async () => {
    const { reporter, editor } = await createNewsroom(app.url);
    const held = await submitClaim(app.url, reporter);
    const free = await submitClaim(app.url, reporter);
    const answer = await cancelledWhileWaiting(held.id, () =>
      client(app.url, editor.token).post('/api/v1/claims/bulk', {
        body: {
          action: 'set_priority',
          items: [held, free].map(({ id, version }) => ({ id, version })),
          params: { priority: 'urgent' },
        },
      }),
    );
    expect(answer.status).toBe(207);
    const [cancelled, done] = answer.body.results;
    expect(cancelled).toMatchObject({
      id: held.id,
      status: 503,
      problem: { type: 'https://claimdesk.dev/problems/database-unavailable', status: 503 },
    });
    expect(done).toEqual({ id: free.id, status: 200, version: free.version + 1 });
    expect(answer.text).not.toMatch(/57014|canceling|SELECT|at .*\.js/);
    const after = await client(app.url, editor.token).get(`/api/v1/claims/${held.id}`);
    expect(after.body).toMatchObject({ priority: held.priority, version: held.version });
  });
});
