import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AppProcess, startApp, testDatabaseUrl } from '../support/app-process.js';
import { client } from '../support/http.js';
import { createUser, TestUser } from '../support/people.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// DATABASE_READ_URL: exports read from the replica's URL, everything else from the primary.
// The "replica" here is the same database behind a relay the spec can cut, which shows
// which connection each request really uses.
describe('exports from DATABASE_READ_URL', () => {
  let app: AppProcess;
  let relay: TcpProxy;
  let auditor: TestUser;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    relay = new TcpProxy(target.hostname, Number(target.port || 5432));
    await relay.start();
    app = await startApp({ env: { DATABASE_READ_URL: relay.route(testDatabaseUrl()) } });
    auditor = await createUser(app.url, ['auditor']);
  });
  afterAll(async () => {
    await app.stop();
    await relay.close();
  });

  it('streams exports through the read URL and serves other reads from the primary', async () => {
    const http = client(app.url, auditor.token);
    const exported = await http.get(`/api/v1/audit/export?format=ndjson&actorId=${auditor.id}`);
    expect(exported.status).toBe(200);

    relay.cutConnections();
    const unavailable = await http.get(`/api/v1/audit/export?format=ndjson&actorId=${auditor.id}`);
    expect(unavailable.status).toBe(503);
    expect((await http.get('/api/v1/audit/events?limit=1')).status).toBe(200);
    relay.restore();
  });
});
