import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { seedClaims } from '../../bench/lib/seed.js';
import { startReceiver, type Receiver } from '../events/support/receiver.js';
import { subscribe, WEBHOOK_ENV } from '../events/support/webhooks.js';
import { signInWithToken } from '../identity/support/sessions.js';
import { ADMIN_TOKEN, AppProcess, startApp } from '../support/app-process.js';
import { attachSource, move, submitClaim, uniqueTag } from '../support/claims.js';
import { client } from '../support/http.js';
import { createNewsroom, createUser } from '../support/people.js';
import { decidedClaim, draftOf, publishDraft } from '../support/publications.js';
import { createScratchDatabase } from '../support/scratch-database.js';
import { type SentStatement, StatementLog } from '../support/statement-log.js';
import { TcpProxy } from '../support/tcp-proxy.js';

// Work the service does on its own (a worker's round, a sweep) rather than for a request:
// looked for among everything it sent.
const ON_ITS_OWN = 'on its own';

// SPEC §9: every index a write maintains must be paid for by a query that uses it.
// bench/README.md ("Indexes on the write path") names that query for each index; here the
// service runs those requests for real, a relay reads every statement it sends (text and
// bound values, off the protocol), and each is planned with EXPLAIN on a seeded database
// with sequential scans off — which index the planner takes for the service's own
// statement, not for a copy of it. Unique indexes are guarantees and primary keys
// identities; this covers every other index of the schema.
const NEEDED_BY: Record<string, string[]> = {
  claims_created_idx: ['GET /claims'],
  claims_status_created_idx: ['GET /claims?status='],
  claims_priority_created_idx: ['GET /claims?sort=-priority'],
  claims_queue_idx: ['GET /review-queue'],
  claims_queue_due_idx: ['GET /review-queue?sort=due&overdue=true'],
  claims_submitted_by_idx: ['GET /claims?submittedBy='],
  claims_assignee_idx: ['GET /claims?assigneeId='],
  claims_claimant_idx: ['GET /claims?claimant='],
  claims_tags_idx: ['GET /claims?tag='],
  // The duplicate lookup of every submission, and search.
  claims_search_idx: ['POST /claims', 'GET /claims?q='],
  claims_text_trgm_idx: ['POST /articles'],
  claims_claimant_id_idx: ['GET /claims?claimantId=', 'GET /claimants/:id'],
  // Merged claims' appearances, read into a publication's preview (and as it is published).
  claims_merged_into_idx: ['GET /claims/:id/publication/preview'],
  claims_language_idx: ['GET /claims?language='],
  // The claims filed from an article: its page's candidates, the list's counts.
  claims_article_idx: ['GET /articles/:id', 'GET /articles'],
  articles_created_idx: ['GET /articles', 'GET /articles?cursor='],
  sources_created_idx: ['GET /sources'],
  claim_sources_source_idx: ['GET /sources/:id'],
  comments_claim_idx: ['GET /claims/:id/comments'],
  // The chain head, read under the claim's lock.
  audit_events_chain_idx: ['POST /claims/:id/transitions', 'GET /claims/:id/history'],
  audit_events_actor_idx: ['GET /audit/events?actorId='],
  audit_events_type_idx: ['GET /audit/events?type='],
  audit_events_at_idx: ['GET /audit/events?from=&to='],
  // The webhook worker's cursor over the events, its due deliveries, its prune.
  audit_events_xid_idx: [ON_ITS_OWN],
  webhook_deliveries_due_idx: [ON_ITS_OWN],
  webhook_deliveries_finished_idx: [ON_ITS_OWN],
  webhook_deliveries_log_idx: ['GET /webhooks/:id/deliveries'],
  webhook_attempts_delivery_idx: ['GET /webhooks/:id/deliveries'],
  // The sweep of keys past retention.
  idempotency_keys_created_idx: [ON_ITS_OWN],
  claimants_created_idx: ['GET /claimants'],
  claimant_names_claimant_idx: ['PATCH /claimants/:id'],
  claimant_names_trgm_idx: ['GET /claimants?q=', 'POST /claims'],
  passkeys_user_idx: ['GET /passkeys'],
  // Expired challenges are cleared as a new one is stored.
  webauthn_challenges_expiry_idx: ['POST /auth/passkeys/authentication/options'],
  publications_published_idx: ['GET /fact-checks'],
  publication_versions_published_at_idx: ['GET /fact-checks/feed.xml'],
  sessions_user_idx: ['GET /sessions'],
  api_tokens_user_id_idx: ['GET /users/:id/tokens'],
};

const EXPLAINABLE = /^\s*(SELECT|WITH|INSERT|UPDATE|DELETE)\b/i;

// The indexes a plan reads, from EXPLAIN's JSON (index scans, index-only and bitmap).
function indexesIn(node: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) indexesIn(item, found);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'Index Name' && typeof value === 'string') found.add(value);
      else indexesIn(value, found);
    }
  }
  return found;
}

// A setup request's answer, which must have succeeded for the requests after it to mean
// anything.
function succeeded(response: { status: number; text: string; body: any }) {
  if (response.status >= 300) throw new Error(`setup: ${response.status} ${response.text}`);
  return response.body;
}

// Tables a desk fills over months, grown by SQL beside the claims seedClaims writes: a
// webhook's delivery log, and claimants' names enough for the search (GET /claimants?q=,
// on the request pool's default planner settings) to take their trigram index: it scans
// the names until there are several thousand (4.9 ms at 3,000; at 20,000 through the index, 1.4 ms).
async function growTables(url: string, by: { userId: string; webhookId: string }) {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    await db.query(
      `WITH made AS (
         INSERT INTO claimants (name, type, created_by)
         SELECT 'Spokesperson ' || g || ' of district ' || (g % 97), 'Person', $1
           FROM generate_series(1, 20000) AS g
         RETURNING id, type, name)
       INSERT INTO claimant_names (claimant_id, type, name, is_alias)
       SELECT id, type, name, false FROM made`,
      [by.userId],
    );
    await db.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, message_id, type, payload, status,
                                       attempts, created_at, updated_at)
       SELECT gen_random_uuid(), $1, gen_random_uuid(), 'claim.submitted', '{}', 'delivered', 1,
              now() - g * interval '1 minute', now() - g * interval '1 minute'
         FROM generate_series(1, 3000) AS g`,
      [by.webhookId],
    );
  } finally {
    await db.end();
  }
}

describe('each index on the write path is used by the statements the service sends', () => {
  const log = new StatementLog();
  const sentDuring = new Map<string, SentStatement[]>();
  const everything: SentStatement[] = [];
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
  let proxy: TcpProxy;
  let app: AppProcess;
  let receiver: Receiver;
  let planner: pg.Client;
  const planned = new Map<string, Set<string>>();
  const unplannable: { text: string; error: string }[] = [];

  // Runs one request (or a few) and keeps what the service sent meanwhile under its name.
  const during = async (name: string, work: () => Promise<{ status: number } | void>) => {
    everything.push(...log.take());
    const response = await work();
    if (response && response.status >= 300) {
      throw new Error(`${name} answered ${response.status}`);
    }
    const sent = log.take();
    everything.push(...sent);
    sentDuring.set(name, [...(sentDuring.get(name) ?? []), ...sent]);
  };

  const indexesOf = async (statement: SentStatement): Promise<Set<string>> => {
    const key = JSON.stringify([statement.text, statement.values]);
    let indexes = planned.get(key);
    if (!indexes) {
      indexes = new Set();
      try {
        const { rows } = await planner.query<{ 'QUERY PLAN': unknown }>(
          `EXPLAIN (FORMAT JSON) ${statement.text}`,
          statement.values,
        );
        indexes = indexesIn(rows[0]!['QUERY PLAN']);
      } catch (error) {
        unplannable.push({ text: statement.text, error: String(error) });
      }
      planned.set(key, indexes);
    }
    return indexes;
  };

  // The requests (or ON_ITS_OWN) whose statements used the index.
  const usersOf = async (index: string): Promise<string[]> => {
    const users: string[] = [];
    for (const [name, statements] of [...sentDuring, [ON_ITS_OWN, everything] as const]) {
      for (const statement of statements) {
        if (!EXPLAINABLE.test(statement.text)) continue;
        if ((await indexesOf(statement)).has(index)) {
          users.push(name);
          break;
        }
      }
    }
    return users;
  };

  beforeAll(async () => {
    scratch = await createScratchDatabase();
    const target = new URL(scratch.url);
    proxy = new TcpProxy(target.hostname, Number(target.port || 5432), log.observe);
    await proxy.start();
    receiver = await startReceiver();
    app = await startApp({
      env: {
        ...WEBHOOK_ENV,
        DATABASE_URL: proxy.route(scratch.url),
        RATE_LIMIT_PER_MINUTE: '0',
      },
    });
    const people = await createNewsroom(app.url);
    const { reporter, editor, secondEditor, admin } = people;
    const as = (who: { token: string }) => client(app.url, who.token);

    // Thousands of claims, so that a selective filter is selective: the few the requests
    // below look for are among them.
    await seedClaims(
      scratch.url,
      { reporter, editor, auditor: people.auditor },
      {
        count: 4000,
        inReviewEvery: 4,
        withEvidence: true,
      },
    );
    const webhook = await subscribe(app.url, { url: receiver.url, events: ['claim.submitted'] });
    await growTables(scratch.url, { userId: admin.id, webhookId: webhook.id });

    const claimantName = `Minister ${uniqueTag('c')}`;
    const claimant = succeeded(
      await as(editor).post('/api/v1/claimants', {
        body: { name: claimantName, type: 'Person', aliases: [] },
      }),
    );
    const otherReporter = await createUser(app.url, ['reporter']);
    const tag = uniqueTag('floods');
    const rareWord = `zeppelinport${uniqueTag('w').replace(/-/g, '')}`;
    let submitted: { id: string; version: number } = { id: '', version: 0 };
    await during('POST /claims', async () => {
      submitted = await submitClaim(app.url, otherReporter, {
        text: `The harbour of ${rareWord} handled 4 million tonnes of grain in 2025.`,
        claimant: claimantName,
        tags: [tag],
      });
    });
    succeeded(
      await as(otherReporter).post('/api/v1/claims', {
        body: {
          text: 'Шість тисяч людей залишили місто за тиждень.',
          language: 'uk',
          claimantId: claimant.id,
        },
      }),
    );
    const claim = await move(app.url, editor, submitted, 'in_review');
    const assigned = succeeded(
      await as(editor).post(`/api/v1/claims/${claim.id}/assignment`, {
        body: { assigneeId: secondEditor.id },
        headers: { 'if-match': `"${claim.version}"` },
      }),
    );
    const withSource = await attachSource(app.url, editor, assigned, 'supports');
    const sourceId: string = withSource.sources[0].id;
    await during('POST /claims/:id/transitions', () =>
      move(app.url, editor, withSource, 'verified'),
    );
    succeeded(
      await as(editor).post(`/api/v1/claims/${claim.id}/comments`, {
        body: { body: 'Port data.' },
      }),
    );

    // A published fact-check with a claim merged into it.
    const decided = await decidedClaim(app.url, { reporter, editor });
    await publishDraft(app.url, editor, decided.claim.id, draftOf(decided.sourceId));
    const twin = await submitClaim(app.url, reporter);
    succeeded(
      await as(editor).post(`/api/v1/claims/${twin.id}/merge`, {
        body: { intoId: decided.claim.id, rationale: 'The same claim.' },
        headers: { 'if-match': `"${twin.version}"` },
      }),
    );

    const signedIn = await signInWithToken(app.url, editor.token);
    const since = new Date(Date.now() - 60_000).toISOString();
    const until = new Date(Date.now() + 60_000).toISOString();

    const reads: [string, string, { token?: string }][] = [
      ['GET /claims', '/api/v1/claims', editor],
      ['GET /claims?status=', '/api/v1/claims?status=verified', editor],
      ['GET /claims?sort=-priority', '/api/v1/claims?sort=-priority', editor],
      ['GET /review-queue', '/api/v1/review-queue', editor],
      [
        'GET /review-queue?sort=due&overdue=true',
        '/api/v1/review-queue?sort=due&overdue=true',
        editor,
      ],
      ['GET /claims?submittedBy=', `/api/v1/claims?submittedBy=${otherReporter.id}`, editor],
      ['GET /claims?assigneeId=', `/api/v1/claims?assigneeId=${secondEditor.id}`, editor],
      [
        'GET /claims?claimant=',
        `/api/v1/claims?claimant=${encodeURIComponent(claimantName)}`,
        editor,
      ],
      ['GET /claims?tag=', `/api/v1/claims?tag=${tag}`, editor],
      ['GET /claims?q=', `/api/v1/claims?q=${rareWord}`, editor],
      ['GET /claims?claimantId=', `/api/v1/claims?claimantId=${claimant.id}`, editor],
      ['GET /claimants/:id', `/api/v1/claimants/${claimant.id}`, editor],
      ['GET /claims?language=', '/api/v1/claims?language=uk', editor],
      ['GET /claims/:id/history', `/api/v1/claims/${claim.id}/history`, editor],
      ['GET /claims/:id/comments', `/api/v1/claims/${claim.id}/comments`, editor],
      ['GET /sources', '/api/v1/sources', editor],
      ['GET /sources/:id', `/api/v1/sources/${sourceId}`, editor],
      ['GET /audit/events?actorId=', `/api/v1/audit/events?actorId=${secondEditor.id}`, admin],
      ['GET /audit/events?type=', '/api/v1/audit/events?type=claim.merged', admin],
      ['GET /audit/events?from=&to=', `/api/v1/audit/events?from=${since}&to=${until}`, admin],
      ['GET /claimants', '/api/v1/claimants', editor],
      ['GET /claimants?q=', `/api/v1/claimants?q=${encodeURIComponent(claimantName)}`, editor],
      ['GET /passkeys', '/api/v1/passkeys', editor],
      ['GET /users/:id/tokens', `/api/v1/users/${reporter.id}/tokens`, admin],
      ['GET /fact-checks', '/fact-checks', {}],
      ['GET /fact-checks/feed.xml', '/fact-checks/feed.xml', {}],
      [
        'GET /claims/:id/publication/preview',
        `/api/v1/claims/${decided.claim.id}/publication/preview`,
        editor,
      ],
    ];
    for (const [name, path, who] of reads) {
      await during(name, () => client(app.url, who.token).get(path));
    }
    await during('GET /sessions', () =>
      client(app.url).get('/api/v1/sessions', { headers: { cookie: signedIn.cookie } }),
    );
    await during('PATCH /claimants/:id', () =>
      as(editor).patch(`/api/v1/claimants/${claimant.id}`, {
        body: { aliases: [`${claimantName} Jr.`] },
        headers: { 'if-match': '"1"' },
      }),
    );
    await during('POST /auth/passkeys/authentication/options', () =>
      client(app.url).post('/api/v1/auth/passkeys/authentication/options'),
    );
    await during('POST /articles', () =>
      as(reporter).post('/api/v1/articles', {
        body: {
          title: 'Grain exports',
          text: `The harbour of ${rareWord} handled 4 million tonnes of grain in 2025, the port authority said on Monday.`,
        },
      }),
    );
    const ingested = succeeded(
      await as(reporter).post('/api/v1/articles', {
        body: { title: 'Grain exports, later', text: 'The port said 5 ships sailed.' },
      }),
    );
    await during('GET /articles/:id', () =>
      as(editor).get(`/api/v1/articles/${ingested.article.id}`),
    );
    await during('GET /articles', () => as(editor).get('/api/v1/articles?limit=1'));
    const firstPage = succeeded(await as(editor).get('/api/v1/articles?limit=1'));
    await during('GET /articles?cursor=', () =>
      as(editor).get(`/api/v1/articles?limit=1&cursor=${firstPage.nextCursor}`),
    );
    // The worker's round for the submission's event (its cursor, its due deliveries) has
    // run once the receiver has it; then the delivery log.
    await receiver.waitFor((received) => received.length > 0, 30_000);
    await during('GET /webhooks/:id/deliveries', () =>
      client(app.url, ADMIN_TOKEN).get(`/api/v1/webhooks/${webhook.id}/deliveries`),
    );
    everything.push(...log.take());

    // Plans as they would be on a grown desk: vacuumed (GIN's pending lists merged into the
    // index, as autovacuum does), fresh statistics, and no sequential scan of a table that
    // is small only here.
    planner = new pg.Client({ connectionString: scratch.url });
    await planner.connect();
    await planner.query('VACUUM ANALYZE');
    await planner.query('SET enable_seqscan = off');
  }, 120_000);

  afterAll(async () => {
    await planner?.end();
    await app?.stop();
    await receiver?.close();
    await proxy?.close();
    await scratch?.drop();
  });

  it('names the requests for every index of the schema but unique ones', async () => {
    const { rows } = await planner.query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
        WHERE c.relnamespace = current_schema()::regnamespace AND NOT i.indisunique
        ORDER BY c.relname`,
    );
    expect(rows.map((row) => row.name)).toEqual(Object.keys(NEEDED_BY).sort());
  });

  // A request whose statements no longer use the index, with what they did use: tells a
  // changed statement from a changed plan.
  const whatWasUsed = async (request: string) => ({
    request,
    statements: await Promise.all(
      (sentDuring.get(request) ?? [])
        .filter((statement) => EXPLAINABLE.test(statement.text))
        .map(async (statement) => ({
          sql: statement.text.replace(/\s+/g, ' ').slice(0, 200),
          indexes: [...(await indexesOf(statement))],
        })),
    ),
  });

  it.each(Object.entries(NEEDED_BY))('%s is used by %p', async (index, requests) => {
    const users = await usersOf(index);
    const missed = requests.filter((request) => !users.includes(request));
    expect(await Promise.all(missed.map(whatWasUsed))).toEqual([]);
  });

  it('planned every statement the service sent', async () => {
    for (const statement of everything.filter((sent) => EXPLAINABLE.test(sent.text))) {
      await indexesOf(statement);
    }
    expect(everything.length).toBeGreaterThan(100);
    expect(unplannable).toEqual([]);
  });
});
