import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { withCheckedOutConnection } from '../../src/database/checked-out-connection.js';
import { testDatabaseUrl } from '../support/app-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// A connection checked out of a pool reports its loss on itself; unheard, that 'error'
// event ends the process (the advice's connections did so when the database went away
// while they were being readied at start). withCheckedOutConnection hears it, rejects, and
// drops the connection; a statement's own error keeps it.
describe('a connection checked out of a pool', () => {
  let proxy: TcpProxy;
  let pool: pg.Pool;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
    await proxy.start();
    pool = new pg.Pool({
      connectionString: proxy.route(testDatabaseUrl()),
      max: 2,
      idleTimeoutMillis: 0,
    });
    pool.on('error', () => undefined);
  });
  afterAll(async () => {
    await pool.end();
    await proxy.close();
  });

  it('rejects when the network drops it mid-statement, and is not given back to the pool', async () => {
    const running = withCheckedOutConnection(pool, async (connection) => {
      await connection.query('SELECT 1');
      const waiting = connection.query('SELECT pg_sleep(5)');
      proxy.resetConnections();
      proxy.restore();
      await waiting;
    });

    await expect(running).rejects.toThrow(/ECONNRESET|terminated/);
    // Give the client's 'error' and 'end' events their turn: unheard, the first would
    // have ended this process (and the suite) by now.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(pool.totalCount).toBe(0);
    const { rows } = await pool.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0].one).toBe(1);
  });

  it("stays in the pool after a statement's own error", async () => {
    const pids = new Set<number>();
    await expect(
      withCheckedOutConnection(pool, async (connection) => {
        const { rows } = await connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        pids.add(rows[0].pid);
        await connection.query('SELECT 1 / 0');
      }),
    ).rejects.toThrow(/division by zero/);
    await withCheckedOutConnection(pool, async (connection) => {
      const { rows } = await connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      pids.add(rows[0].pid);
    });
    expect(pids.size).toBe(1);
    expect(pool.idleCount).toBe(1);
  });
});
