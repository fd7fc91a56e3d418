import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ADMIN_TOKEN, AppProcess, startApp, testDatabaseUrl } from '../support/app-process.js';
import { client } from '../support/http.js';
import { StatementCensus } from '../support/statement-census.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const COMBINATIONS = 2000;
const LIMIT = 200;

// 2,000 GET /claims queries, each a different combination of filters and so a different
// SQL text: 3 status shapes × 3 priority shapes × 7 optional filters × 3 sorts.
function filterCombinations(count: number): string[] {
  const optional = [
    'q=drought',
    'tag=water',
    'claimant=Ministry',
    'submittedBy=00000000-0000-4000-8000-000000000001',
    'assigneeId=00000000-0000-4000-8000-000000000002',
    'createdFrom=2022-03-01T00:00:00Z',
    'createdTo=2030-03-01T00:00:00Z',
  ];
  const combinations: string[] = [];
  for (const sort of ['-createdAt', 'createdAt', '-priority']) {
    for (const status of ['', 'status=submitted', 'status=submitted,in_review']) {
      for (const priority of ['', 'priority=high', 'priority=high,urgent']) {
        for (let mask = 0; mask < 1 << optional.length; mask++) {
          const picked = optional.filter((_, bit) => mask & (1 << bit));
          combinations.push(
            [`sort=${sort}`, status, priority, ...picked].filter(Boolean).join('&'),
          );
        }
      }
    }
  }
  return combinations.slice(0, count);
}

// Every distinct SQL text used to become a named statement on the backend that ran it,
// kept until the connection closed (one backend grew 76 MB over 1,500 texts). The
// service reaches PostgreSQL through a relay that reads the protocol and keeps, per
// connection, the named statements parsed and not yet closed or deallocated.
describe('prepared statements per connection', () => {
  const census = new StatementCensus();
  let proxy: TcpProxy;
  let app: AppProcess;

  beforeAll(async () => {
    const target = new URL(testDatabaseUrl());
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432), census.observe);
    await proxy.start();
    app = await startApp({
      env: {
        DATABASE_URL: proxy.route(testDatabaseUrl()),
        DATABASE_POOL_SIZE: '4',
        RATE_LIMIT_PER_MINUTE: '0',
      },
    });
  });
  afterAll(async () => {
    await app?.stop();
    await proxy?.close();
  });

  it(`stay at most ${LIMIT} on every backend after ${COMBINATIONS} filter combinations`, async () => {
    const http = client(app.url, ADMIN_TOKEN);
    const queries = filterCombinations(COMBINATIONS);
    expect(new Set(queries).size).toBe(COMBINATIONS);
    // Eight at a time, so that every pooled connection takes its share.
    for (let start = 0; start < queries.length; start += 8) {
      const responses = await Promise.all(
        queries.slice(start, start + 8).map((query) => http.get(`/api/v1/claims?${query}`)),
      );
      for (const response of responses) expect(response.status).toBe(200);
    }
    // The relay did see the statements: at least one per combination.
    expect(census.parses).toBeGreaterThanOrEqual(COMBINATIONS);
    console.log(
      `named statements: ${census.parses} parsed, at most ${census.peak} held by one ` +
        `connection, now ${census.held().join(', ')}`,
    );
    expect(census.peak).toBeLessThanOrEqual(LIMIT);
    expect(Math.max(...census.held())).toBeLessThanOrEqual(LIMIT);
    // And the statements that stay in use still work after all that churn.
    expect((await http.get('/api/v1/claims?status=submitted')).status).toBe(200);
  });
});
