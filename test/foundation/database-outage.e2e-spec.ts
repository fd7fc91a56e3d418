import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp, testDatabaseUrl } from '../support/app-process.js';
import { client } from '../support/http.js';
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
});
