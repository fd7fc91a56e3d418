// The baseline of SPEC §9: a minimal node:http + pg server doing, for each benchmarked
// request, the same SQL as the service (token lookup, the same transaction, the same
// audit insert with a real hash chain), with the same validation limits checked by hand,
// prepared statements and the same pool size. Whatever the service spends beyond this is
// framework, validation-library and serialisation overhead.
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import type { AuditActor, AuditEventType, HashedAuditEvent } from '../src/audit/audit-event.js';
import { CHAIN_HEAD_SQL, eventParameters, insertEventsSql } from '../src/audit/audit-event-sql.js';
import { GENESIS_HASH } from '../src/audit/audit-event.js';
import { hashAuditEvent } from '../src/audit/event-hash.js';
import { hashTokenSecret } from '../src/auth/token-secret.js';
import { AUTHENTICATE_TOKEN_SQL } from '../src/auth/token-sql.js';
import {
  CLAIM_COLUMNS,
  CLAIM_SOURCES_SQL,
  ClaimRow,
  ClaimSourceRow,
  INSERT_CLAIM_SQL,
  LOCK_CLAIM_SQL,
  TRANSITION_SQL,
  insertClaimParameters,
  toClaimSourceView,
  toClaimSummary,
  transitionParameters,
} from '../src/claims/claim-sql.js';
import {
  BEGIN_LOOKUP,
  END_LOOKUP,
  POSSIBLE_DUPLICATES_SQL,
} from '../src/claims/duplicates/possible-duplicates-sql.js';
import { transitionRefusal } from '../src/domain/claim-access.js';
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  findTransition,
  unmetEvidence,
} from '../src/domain/claim-status.js';
import { type Priority, PRIORITIES } from '../src/domain/priorities.js';
import type { Role } from '../src/domain/roles.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

// The token lookup, claim columns, row mapping, the claim statements, the audit insert and
// the workflow's rules are the service's own (imported), so the baseline's SQL, rules and
// JSON cannot drift from it.

// As src/claims/claim-listing.service.ts queue() without filters or cursor. Deliberately
// the baseline's own minimal SQL: the service builds this page from its keyset orders.
const QUEUE_FIRST_PAGE = `SELECT ${CLAIM_COLUMNS} FROM claims c
        WHERE c.status IN ('submitted', 'in_review')
        ORDER BY c.priority_rank DESC, c.created_at, c.id
        LIMIT $1`;

// The service's default VERIFY_MIN_SUPPORTING_SOURCES (src/config/environment.ts).
const VERIFY_MIN_SUPPORTING_SOURCES = 1;

interface User {
  token_id: string;
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

class Problem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// BASELINE_UNPREPARED=1 sends unnamed statements, as TypeORM does: it shows how much of a
// gap is PostgreSQL parsing and planning every statement again.
const prepared = !process.env.BASELINE_UNPREPARED;
const query = (client: pg.PoolClient | pg.Pool, name: string, text: string, values: unknown[]) =>
  client.query(prepared ? { name, text, values } : { text, values });

async function authenticate(request: IncomingMessage, ...roles: Role[]): Promise<User> {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!secret || !secret.startsWith('cd_') || secret.length > 200) throw new Problem(401, 'token');
  const { rows } = await query(pool, 'authenticate', AUTHENTICATE_TOKEN_SQL, [
    hashTokenSecret(secret),
  ]);
  const user = rows[0] as User | undefined;
  if (!user) throw new Problem(401, 'token');
  if (!roles.some((role) => user.roles.includes(role))) throw new Problem(403, 'role');
  return user;
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > 1024 * 1024) throw new Problem(413, 'body');
    chunks.push(chunk);
  }
  let body: unknown;
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new Problem(400, 'json');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new Problem(400, 'body');
  }
  return body as Record<string, unknown>;
}

// The limits of src/claims/dto/claim.dto.ts and the text validators, by hand.
function text(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw new Problem(400, field);
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max || trimmed.includes('\u0000')) {
    throw new Problem(400, field);
  }
  return trimmed;
}

const SUBMIT_FIELDS = new Set([
  'text',
  'claimant',
  'claimedAt',
  'articleId',
  'span',
  'appearanceUrl',
  'tags',
  'priority',
]);

function validateSubmit(body: Record<string, unknown>) {
  for (const key of Object.keys(body)) if (!SUBMIT_FIELDS.has(key)) throw new Problem(400, key);
  // The benchmark submits none of these; they are refused rather than half-checked.
  for (const key of ['claimedAt', 'articleId', 'span', 'appearanceUrl']) {
    if (body[key] !== undefined) throw new Problem(400, key);
  }
  const claimant = body.claimant == null ? null : text(body.claimant, 'claimant', 1, 500);
  let tags: string[] = [];
  if (body.tags !== undefined) {
    if (!Array.isArray(body.tags) || body.tags.length > 20) throw new Problem(400, 'tags');
    tags = [...new Set(body.tags.map((tag) => text(tag, 'tags', 1, 50).toLowerCase()))];
  }
  const priority = body.priority ?? 'normal';
  if (typeof priority !== 'string' || !(PRIORITIES as readonly string[]).includes(priority)) {
    throw new Problem(400, 'priority');
  }
  return { text: text(body.text, 'text', 1, 2000), claimant, tags, priority: priority as Priority };
}

type Row = Record<string, any>;

const summaryOf = (row: Row) => toClaimSummary(row as ClaimRow);

interface NewEvent extends Partial<HashedAuditEvent> {
  type: AuditEventType;
}

// The events of one change, linked in order, in one INSERT (as AuditAppendService.appendMany).
async function appendEvents(
  client: pg.PoolClient,
  claimId: string,
  actor: AuditActor,
  inputs: NewEvent[],
  expectedHead?: string | null,
) {
  const link = (prevHash: string) =>
    inputs.map((fields) => {
      const event: HashedAuditEvent = {
        id: randomUUID(),
        claimId,
        type: fields.type,
        actor,
        at: new Date().toISOString(),
        fromStatus: fields.fromStatus ?? null,
        toStatus: fields.toStatus ?? null,
        rationale: fields.rationale ?? null,
        data: fields.data ?? {},
        prevHash,
      };
      prevHash = hashAuditEvent(event);
      return { ...event, hash: prevHash };
    });
  const parametersOf = (events: ReturnType<typeof link>) =>
    events.flatMap((event) => eventParameters(claimId, event));
  if (expectedHead !== undefined) {
    const events = link(expectedHead ?? GENESIS_HASH);
    const inserted = await query(
      client,
      `insert-events-checked-${events.length}`,
      insertEventsSql(events.length, true),
      [...parametersOf(events), events[0].prevHash],
    );
    if (inserted.rows.length > 0) return;
  }
  const head = await query(client, 'chain-head', CHAIN_HEAD_SQL, [claimId]);
  const events = link((head.rows[0]?.hash as string | undefined) ?? GENESIS_HASH);
  await query(
    client,
    `insert-events-${events.length}`,
    insertEventsSql(events.length, false),
    parametersOf(events),
  );
}

async function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

const actorOf = (user: User): AuditActor => ({ id: user.id, name: user.name, roles: user.roles });

// `?duplicates=off` leaves out the duplicate lookup: the duplicates scenario measures what
// the lookup adds to a submission (bench/duplicates-scenario.ts).
async function submit(request: IncomingMessage, response: ServerResponse, url: URL) {
  const user = await authenticate(request, 'reporter', 'editor');
  const input = validateSubmit(await readJson(request));
  const lookup = url.searchParams.get('duplicates') !== 'off';
  const { claim, possibleDuplicates } = await inTransaction(async (client) => {
    const { rows } = await query(
      client,
      'insert-claim',
      INSERT_CLAIM_SQL,
      insertClaimParameters(input, user.id, 'en'),
    );
    const summary = summaryOf(rows[0]);
    // A new claim's chain is empty, as ClaimsService.submit knows.
    await appendEvents(
      client,
      summary.id,
      actorOf(user),
      [{ type: 'claim.submitted', toStatus: summary.status, data: { after: summary } }],
      null,
    );
    return {
      claim: summary,
      possibleDuplicates: lookup ? await duplicatesOf(client, summary) : [],
    };
  });
  send(
    response,
    201,
    { ...claim, sources: [], possibleDuplicates },
    {
      location: `/api/v1/claims/${claim.id}`,
      etag: `"${claim.version}"`,
    },
  );
}

// As findPossibleDuplicates (src/claims/duplicates): its settings in a savepoint, the read,
// then back to the savepoint.
async function duplicatesOf(client: pg.PoolClient, claim: { id: string; text: string }) {
  await client.query(BEGIN_LOOKUP);
  try {
    const { rows } = await query(client, 'possible-duplicates', POSSIBLE_DUPLICATES_SQL, [
      claim.text,
      claim.id,
    ]);
    return rows.map((row: Row) => ({
      ...row,
      similarity: Math.round(row.similarity * 1000) / 1000,
    }));
  } catch (error) {
    // The lookup's time bound, as the service treats it: no duplicates, the claim stays.
    if ((error as { code?: string }).code !== '57014') throw error;
    return [];
  } finally {
    await client.query(END_LOOKUP);
  }
}

async function reviewQueue(request: IncomingMessage, response: ServerResponse, url: URL) {
  const user = await authenticate(request, 'editor');
  void user;
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new Problem(400, 'limit');
  const { rows } = await query(pool, 'queue', QUEUE_FIRST_PAGE, [limit + 1]);
  const kept = rows.slice(0, limit);
  const last = kept[kept.length - 1];
  const nextCursor =
    rows.length > limit
      ? Buffer.from(
          JSON.stringify(['queue', last.priority_rank, last.created_key, last.id]),
        ).toString('base64url')
      : null;
  send(response, 200, { items: kept.map(summaryOf), nextCursor });
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function transition(request: IncomingMessage, response: ServerResponse, id: string) {
  const user = await authenticate(request, 'reporter', 'editor');
  if (!UUID.test(id)) throw new Problem(404, 'id');
  const version = Number(/^"(\d{1,9})"$/.exec(request.headers['if-match'] ?? '')?.[1]);
  if (!version) throw new Problem(428, 'if-match');
  const body = await readJson(request);
  for (const key of Object.keys(body)) {
    if (key !== 'to' && key !== 'rationale') throw new Problem(400, key);
  }
  if (typeof body.to !== 'string' || !(CLAIM_STATUSES as readonly string[]).includes(body.to)) {
    throw new Problem(400, 'to');
  }
  const to = body.to as ClaimStatus;
  const rationale = body.rationale == null ? null : text(body.rationale, 'rationale', 1, 5000);

  const claim = await inTransaction(async (client) => {
    const locked = await query(client, 'lock-claim', LOCK_CLAIM_SQL, [id, id]);
    if (!locked.rows[0]) throw new Problem(404, 'claim');
    const before = summaryOf(locked.rows[0]);
    if (before.version !== version) throw new Problem(412, 'version');
    const rule = findTransition(before.status, to);
    if (!rule) throw new Problem(409, 'transition');
    const refusal = transitionRefusal(user, before, rule);
    if (refusal) throw new Problem(403, refusal.code);
    if (rule.rationaleRequired && !rationale) throw new Problem(400, 'rationale');
    const updated = await query(
      client,
      'update-status',
      TRANSITION_SQL,
      transitionParameters(id, rule, rationale, user.id),
    );
    // Counted by the update; an unmet rule rolls it back with the transaction.
    const counts = {
      supports: updated.rows[0].evidence_supports,
      contradicts: updated.rows[0].evidence_contradicts,
      context: updated.rows[0].evidence_context,
    };
    if (unmetEvidence(rule, counts, VERIFY_MIN_SUPPORTING_SOURCES)) {
      throw new Problem(422, 'evidence');
    }
    const after = summaryOf(updated.rows[0]);
    const actor = actorOf(user);
    const keys = ['status', 'rationale', 'decidedBy', 'decidedAt', 'version', 'updatedAt'] as const;
    const pick = (claim: Row) => Object.fromEntries(keys.map((key) => [key, claim[key]]));
    const events: NewEvent[] = [
      {
        type: 'claim.transitioned',
        fromStatus: before.status,
        toStatus: after.status,
        rationale,
        data: { before: pick(before), after: pick(after) },
      },
    ];
    if (after.assigneeId !== before.assigneeId) {
      events.push({
        type: 'claim.assigned',
        data: {
          before: { assigneeId: before.assigneeId },
          after: { assigneeId: after.assigneeId },
        },
      });
    }
    await appendEvents(client, id, actor, events, locked.rows[0].chain_head);
    const sources = await query(client, 'claim-sources', CLAIM_SOURCES_SQL, [id]);
    return {
      ...after,
      sources: sources.rows.map((row) => toClaimSourceView(row as ClaimSourceRow)),
    };
  });
  send(response, 200, claim, { etag: `"${claim.version}"` });
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  const json = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(json),
    ...headers,
  });
  response.end(json);
}

const TRANSITION_PATH = /^\/api\/v1\/claims\/([^/]+)\/transitions$/;

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://baseline');
  const route = async () => {
    const transitionOf = TRANSITION_PATH.exec(url.pathname);
    if (request.method === 'POST' && url.pathname === '/api/v1/claims') {
      return submit(request, response, url);
    }
    if (request.method === 'GET' && url.pathname === '/api/v1/review-queue') {
      return reviewQueue(request, response, url);
    }
    if (request.method === 'POST' && transitionOf) {
      return transition(request, response, transitionOf[1]);
    }
    if (url.pathname === '/health') return send(response, 200, { status: 'ok' });
    throw new Problem(404, 'route');
  };
  route().catch((error: unknown) => {
    const status = error instanceof Problem ? error.status : 500;
    if (status === 500) console.error(error);
    send(response, status, { status, detail: error instanceof Error ? error.message : '' });
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  console.log(`baseline listening on http://127.0.0.1:${port}`);
});
process.once('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
