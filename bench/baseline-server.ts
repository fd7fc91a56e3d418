// The baselines of SPEC §9: the least a correct service must do for each benchmarked
// request. A minimal node:http + pg server with prepared statements and the service's
// pool size; per request one token lookup, then ONE statement:
// - submit: the claim and its first audit event in one data-modifying CTE, the event
//   hashed here in the process;
// - decide: the version check, the claim's update and its chained event(s) in one CTE;
// - the queue: one keyset page.
// It runs on a database the service migrated (same-schema baseline) and on a lean schema
// of its own (bench/lib/lean-schema.ts); the statements are the same text on both, so the
// difference between the two is what the schema costs. See bench/README.md.
import { randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import pg from 'pg';
import {
  type AuditActor,
  type AuditEventType,
  GENESIS_HASH,
  type HashedAuditEvent,
} from '../src/audit/audit-event.js';
import { eventParameters } from '../src/audit/audit-event-sql.js';
import { hashAuditEvent } from '../src/audit/event-hash.js';
import { hashTokenSecret } from '../src/auth/token-secret.js';
import { transitionRefusal } from '../src/domain/claim-access.js';
import {
  CLAIM_STATUSES,
  type ClaimStatus,
  findTransition,
  type Transition,
  unmetEvidence,
} from '../src/domain/claim-status.js';
import { type Priority, PRIORITIES } from '../src/domain/priorities.js';
import { POSSIBLE_DUPLICATES_SQL } from '../src/claims/duplicates/possible-duplicates-sql.js';
import type { Role } from '../src/domain/roles.js';
import { CLAIMANT_SUGGESTIONS_SQL } from '../src/claimants/claimant-sql.js';
import { advicePoolConfig } from '../src/database/advice-pool.js';
import { EnvironmentVariables } from '../src/config/environment.js';

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
  // Kept open while idle, as the service keeps its own (src/app.module.ts).
  idleTimeoutMillis: 0,
  // The benchmark finds this server's PostgreSQL backends by it, to read their CPU time.
  application_name: process.env.BASELINE_APPLICATION_NAME ?? 'bench-baseline',
});

// The service's settings where the baseline must behave alike: their defaults.
const serviceDefaults = new EnvironmentVariables();

// ---- Statements (the baseline's own SQL; every one a named prepared statement) ----

// The token lookup: an unrevoked, unexpired token of an active user; last_used_at written
// at most once a minute (as the service does). $1 is the token's SHA-256.
const TOKEN_CTE = `token AS (
         SELECT t.id, t.user_id FROM api_tokens t
          WHERE t.token_hash = $1 AND t.revoked_at IS NULL
            AND (t.expires_at IS NULL OR t.expires_at > now())
       ), touched AS (
         UPDATE api_tokens SET last_used_at = now()
          WHERE id = (SELECT id FROM token)
            AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')
       )`;
const AUTHENTICATE = `WITH ${TOKEN_CTE}
       SELECT token.id AS token_id, u.id, u.name, u.roles
         FROM token JOIN users u ON u.id = token.user_id WHERE u.active`;

// A linear chain's head is its one event no other event of the chain points back to; the
// unique (chain, prev_hash) index answers both halves, so the lean schema needs no other.
const chainHead = (chain: string) => `(SELECT e.hash FROM audit_events e
          WHERE e.chain = ${chain}
            AND NOT EXISTS (SELECT 1 FROM audit_events n
                             WHERE n.chain = ${chain} AND n.prev_hash = e.hash))`;

// Decide's token lookup also reads what the process needs to hash the event before its one
// write, and to answer with the claim as the API documents it ("200 claim": the claim with
// its sources): the claim's columns, its evidence and its chain head. $2 the claim (uuid),
// $3 the same as text (the chain).
const AUTHENTICATE_AND_READ_CLAIM = `WITH ${TOKEN_CTE}
       SELECT token.id AS token_id, u.id, u.name, u.roles,
              c.text, c.claimant, c.claimant_id, c.claimed_at::text AS claimed_at, c.article_id,
              c.span_start, c.span_end, c.appearance_url, c.tags, c.priority, c.status,
              c.rationale, c.submitted_by, c.assignee_id, c.decided_by, c.decided_at,
              c.due_at, c.merged_into, c.language, c.version, c.created_at, c.updated_at,
              ${chainHead('$3')} AS chain_head,
              (SELECT coalesce(json_agg(json_build_object(
                        'id', s.id, 'kind', s.kind, 'title', s.title, 'url', s.url,
                        'publisher', s.publisher, 'published_at', s.published_at,
                        'stance', cs.stance, 'note', cs.note, 'attached_by', cs.attached_by,
                        'attached_at', cs.attached_at) ORDER BY cs.attached_at), '[]')
                 FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
                WHERE cs.claim_id = $2) AS sources
         FROM token JOIN users u ON u.id = token.user_id
         LEFT JOIN claims c ON c.id = $2
        WHERE u.active`;

const EVENT_COLUMNS = `id, chain, claim_id, type, actor_id, actor, at, from_status, to_status,
          rationale, data, prev_hash, hash`;
const EVENT_CASTS = [
  'uuid',
  'text',
  'uuid',
  'text',
  'uuid',
  'jsonb',
  'timestamptz',
  'text',
  'text',
  'text',
  'jsonb',
  'char(64)',
  'char(64)',
];
const eventRows = (count: number, first: number) =>
  Array.from(
    { length: count },
    (_, row) =>
      `(${EVENT_CASTS.map((cast, i) => `$${first + row * EVENT_CASTS.length + i}::${cast}`).join(', ')})`,
  ).join(', ');

// Submit: the claim and its claim.submitted event. The chain is the new claim's own, born
// in this statement, so its head is the genesis hash; the unique (chain, prev_hash) index
// refuses any second first event. Every value, timestamps and ids included, comes from
// the process, which hashed the event over them.
const SUBMIT = `WITH claim AS (
         INSERT INTO claims (id, text, claimant, tags, priority, submitted_by, created_at,
                             updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
         RETURNING id
       )
       INSERT INTO audit_events (${EVENT_COLUMNS})
       SELECT e.* FROM (VALUES ${eventRows(1, 8)}) AS e, claim
       RETURNING seq`;

// Decide: the update happens only at the version the client named and the status the
// event records; the event(s), hashed in the process over the head read by the lookup,
// are appended only if it did. A concurrent append to the chain (a comment) makes the
// insert break the unique (chain, prev_hash) index: the statement fails as a whole and
// the request is retried.
const decideSql = (events: number) => `WITH updated AS (
         UPDATE claims
            SET status = $2,
                rationale = CASE WHEN $3::boolean THEN $4 ELSE rationale END,
                assignee_id = CASE WHEN $5::boolean THEN $6::uuid ELSE assignee_id END,
                decided_by = CASE $7::text WHEN 'set' THEN $6::uuid WHEN 'clear' THEN NULL
                                           ELSE decided_by END,
                decided_at = CASE $7::text WHEN 'set' THEN $8::timestamptz WHEN 'clear' THEN NULL
                                           ELSE decided_at END,
                version = version + 1,
                updated_at = $8::timestamptz
          WHERE id = $1 AND version = $9 AND status = $10
          RETURNING id
       ), appended AS (
         INSERT INTO audit_events (${EVENT_COLUMNS})
         SELECT e.* FROM (VALUES ${eventRows(events, 11)}) AS e, updated
         RETURNING seq
       )
       SELECT (SELECT count(*) FROM updated)::int AS updated`;

// The review queue's first page, in the order of its keyset index.
const QUEUE_PAGE = `SELECT c.id, c.text, c.claimant, c.claimant_id, c.claimed_at::text AS claimed_at,
              c.article_id, c.span_start, c.span_end, c.appearance_url, c.tags, c.priority,
              c.status, c.rationale, c.submitted_by, c.assignee_id, c.decided_by, c.decided_at,
              c.due_at, c.merged_into, c.language, c.version, c.created_at, c.updated_at,
              c.priority_rank,
              (extract(epoch FROM c.created_at) * 1000000)::bigint::text AS created_key
         FROM claims c
        WHERE c.status IN ('submitted', 'in_review')
        ORDER BY c.priority_rank DESC, c.created_at, c.id
        LIMIT $1`;

const query = <R extends pg.QueryResultRow>(name: string, text: string, values: unknown[]) =>
  pool.query<R>({ name, text, values });

// ---- Requests ----

interface User {
  token_id: string;
  id: string;
  name: string;
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

function tokenHash(request: IncomingMessage): string {
  const secret = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')?.[1];
  if (!secret || !secret.startsWith('cd_') || secret.length > 200) throw new Problem(401, 'token');
  return hashTokenSecret(secret);
}

function allowed<T extends { roles: Role[] } | undefined>(row: T, roles: Role[]): NonNullable<T> {
  if (!row) throw new Problem(401, 'token');
  if (!roles.some((role) => row.roles.includes(role))) throw new Problem(403, 'role');
  return row;
}

async function authenticate(request: IncomingMessage, ...roles: Role[]): Promise<User> {
  const { rows } = await query<User>('authenticate', AUTHENTICATE, [tokenHash(request)]);
  return allowed(rows[0], roles);
}

const actorOf = (user: User): AuditActor => ({
  id: user.id,
  name: user.name,
  roles: user.roles,
  tokenId: user.token_id,
});

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

// The limits of src/claims/dto/claim.dto.ts, by hand.
function text(value: unknown, field: string, min: number, max: number): string {
  if (typeof value !== 'string') throw new Problem(400, field);
  const trimmed = value.trim();
  if (trimmed.length < min || trimmed.length > max || trimmed.includes('\u0000')) {
    throw new Problem(400, field);
  }
  return trimmed;
}

const SUBMIT_FIELDS = new Set(['text', 'claimant', 'tags', 'priority']);

function validateSubmit(body: Record<string, unknown>) {
  // The benchmark submits no article span, date or appearance URL; they are refused here
  // rather than half-checked.
  for (const key of Object.keys(body)) if (!SUBMIT_FIELDS.has(key)) throw new Problem(400, key);
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

// The event's row values in EVENT_COLUMNS order (the service's column order), its hash
// computed here.
const eventRow = (claimId: string, event: HashedAuditEvent): unknown[] =>
  eventParameters(claimId, { ...event, hash: hashAuditEvent(event) });

interface NewEvent {
  type: AuditEventType;
  fromStatus?: string | null;
  toStatus?: string | null;
  rationale?: string | null;
  data: Record<string, unknown>;
}

// Events of one change, each linked to the one before, the first to `head`.
function chained(
  claimId: string,
  actor: AuditActor,
  at: string,
  head: string,
  inputs: NewEvent[],
): unknown[] {
  let prevHash = head;
  return inputs.flatMap((input) => {
    const event: HashedAuditEvent = {
      id: randomUUID(),
      claimId,
      type: input.type,
      actor,
      at,
      fromStatus: input.fromStatus ?? null,
      toStatus: input.toStatus ?? null,
      rationale: input.rationale ?? null,
      data: input.data,
      prevHash,
    };
    const values = eventRow(claimId, event);
    prevHash = values[12] as string;
    return values;
  });
}

// A unique violation (a concurrent append to the same chain) is retried from the start.
const UNIQUE_VIOLATION = '23505';
const ATTEMPTS = 5;

async function retried<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code !== UNIQUE_VIOLATION || attempt >= ATTEMPTS) throw error;
    }
  }
}

// `?duplicates=on` adds the advice a 201 carries (SPEC §15) with the service's statements:
// its duplicate lookup on connections of its own, begun beside the write, as the service
// runs it, and its claimant suggestions (on those connections too, also beside the write:
// the least a submission must do to answer them). The duplicates scenario measures what
// the advice adds to a submission (bench/duplicates-scenario.ts); the other scenarios
// leave it out: the least a correct submission does is one statement.
async function submit(request: IncomingMessage, response: ServerResponse, url: URL) {
  const user = await authenticate(request, 'reporter', 'editor');
  const input = validateSubmit(await readJson(request));
  const id = randomUUID();
  const advice = url.searchParams.get('duplicates') === 'on' ? adviceOf(id, input) : undefined;
  const claim = await retried(async () => {
    const now = new Date().toISOString();
    const claim = {
      id,
      text: input.text,
      claimant: input.claimant,
      claimantId: null,
      claimedAt: null,
      articleId: null,
      span: null,
      appearanceUrl: null,
      tags: input.tags,
      priority: input.priority,
      status: 'submitted' as ClaimStatus,
      rationale: null,
      submittedBy: user.id,
      assigneeId: null,
      decidedBy: null,
      decidedAt: null,
      dueAt: null,
      mergedInto: null,
      // The newsroom's language, which the column defaults to on both schemas.
      language: serviceDefaults.NEWSROOM_LANGUAGE,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const event = chained(id, actorOf(user), now, GENESIS_HASH, [
      { type: 'claim.submitted', toStatus: 'submitted', data: { after: claim } },
    ]);
    await query('submit', SUBMIT, [
      id,
      input.text,
      input.claimant,
      input.tags,
      input.priority,
      user.id,
      now,
      ...event,
    ]);
    return claim;
  });
  send(
    response,
    201,
    { ...claim, sources: [], ...(await advice) },
    {
      location: `/api/v1/claims/${claim.id}`,
      etag: `"${claim.version}"`,
    },
  );
}

// As the service's AdvicePool (src/database/advice-pool.ts): its own pool, the service's
// default size and time bound; past the bound, no advice and the claim stays. Never rejects.
const advicePool = new pg.Pool(
  advicePoolConfig({
    connectionString: process.env.DATABASE_URL,
    size: serviceDefaults.DUPLICATE_LOOKUP_POOL_SIZE,
    timeoutMs: serviceDefaults.DUPLICATE_LOOKUP_TIMEOUT_MS,
    // Counted with the server's other backends.
    applicationName: process.env.BASELINE_APPLICATION_NAME ?? 'bench-baseline',
  }),
);
advicePool.on('error', () => undefined);

async function adviceOf(id: string, input: { text: string; claimant: string | null }) {
  const [claimantSuggestions, possibleDuplicates] = await Promise.all([
    input.claimant === null
      ? []
      : advised('claimant-suggestions', CLAIMANT_SUGGESTIONS_SQL, [input.claimant]),
    advised<{ similarity: number }>('possible-duplicates', POSSIBLE_DUPLICATES_SQL, [
      input.text,
      id,
      'english',
    ]),
  ]);
  // Three places, as the service answers them.
  for (const row of possibleDuplicates) row.similarity = Math.round(row.similarity * 1000) / 1000;
  return { claimantSuggestions, possibleDuplicates };
}

async function advised<T = unknown>(name: string, text: string, values: unknown[]): Promise<T[]> {
  try {
    return (await advicePool.query({ name, text, values })).rows as T[];
  } catch {
    return [];
  }
}

// Timestamps inside json_agg arrive as text.
interface SourceRow {
  id: string;
  kind: string;
  title: string;
  url: string | null;
  publisher: string | null;
  published_at: string | null;
  stance: string;
  note: string | null;
  attached_by: string;
  attached_at: string;
}

interface ClaimState extends User {
  text: string;
  claimant: string | null;
  claimant_id: string | null;
  claimed_at: string | null;
  article_id: string | null;
  span_start: number | null;
  span_end: number | null;
  appearance_url: string | null;
  tags: string[];
  priority: Priority;
  status: ClaimStatus | null;
  submitted_by: string;
  assignee_id: string | null;
  rationale: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  due_at: Date | null;
  merged_into: string | null;
  language: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  chain_head: string | null;
  sources: SourceRow[];
}

const sourceOf = (row: SourceRow) => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  url: row.url,
  publisher: row.publisher,
  publishedAt: row.published_at === null ? null : new Date(row.published_at).toISOString(),
  stance: row.stance,
  note: row.note,
  attachedBy: row.attached_by,
  attachedAt: new Date(row.attached_at).toISOString(),
});

const attached = (sources: SourceRow[], stance: string) =>
  sources.filter((source) => source.stance === stance).length;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Decisions and withdrawals record who closed the claim and when; reopening clears it.
const decisionEffect = (rule: Transition) =>
  rule.kind === 'decide' || rule.kind === 'withdraw'
    ? 'set'
    : rule.kind === 'reopen'
      ? 'clear'
      : 'keep';

async function transition(request: IncomingMessage, response: ServerResponse, id: string) {
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
  const hash = tokenHash(request);

  const after = await retried(async () => {
    const { rows } = await query<ClaimState>(
      'authenticate-read-claim',
      AUTHENTICATE_AND_READ_CLAIM,
      [hash, id, id],
    );
    const state = allowed(rows[0], ['reporter', 'editor']);
    if (!state.status) throw new Problem(404, 'claim');
    if (state.version !== version) throw new Problem(412, 'version');
    const rule = findTransition(state.status, to);
    if (!rule) throw new Problem(409, 'transition');
    const refusal = transitionRefusal(
      state,
      { status: state.status, submittedBy: state.submitted_by },
      rule,
    );
    if (refusal) throw new Problem(403, refusal.code);
    if (rule.rationaleRequired && !rationale) throw new Problem(400, 'rationale');
    const counts = {
      supports: attached(state.sources, 'supports'),
      contradicts: attached(state.sources, 'contradicts'),
      context: attached(state.sources, 'context'),
    };
    if (unmetEvidence(rule, counts, serviceDefaults.VERIFY_MIN_SUPPORTING_SOURCES)) {
      throw new Problem(422, 'evidence');
    }
    const now = new Date().toISOString();
    const effect = decisionEffect(rule);
    const before = {
      status: state.status,
      rationale: state.rationale,
      decidedBy: state.decided_by,
      decidedAt: state.decided_at?.toISOString() ?? null,
      version: state.version,
      updatedAt: state.updated_at.toISOString(),
    };
    const after = {
      status: to,
      rationale: rule.rationaleRequired ? rationale : state.rationale,
      decidedBy: effect === 'set' ? state.id : effect === 'clear' ? null : state.decided_by,
      decidedAt: effect === 'set' ? now : effect === 'clear' ? null : before.decidedAt,
      version: state.version + 1,
      updatedAt: now,
    };
    const assigneeAfter = rule.assignsActor ? state.id : state.assignee_id;
    const events: NewEvent[] = [
      {
        type: 'claim.transitioned',
        fromStatus: state.status,
        toStatus: to,
        rationale,
        data: { before, after },
      },
    ];
    if (assigneeAfter !== state.assignee_id) {
      events.push({
        type: 'claim.assigned',
        data: { before: { assigneeId: state.assignee_id }, after: { assigneeId: assigneeAfter } },
      });
    }
    const chain = chained(id, actorOf(state), now, state.chain_head ?? GENESIS_HASH, events);
    const written = await query<{ updated: number }>(
      `decide-${events.length}`,
      decideSql(events.length),
      [
        id,
        to,
        rule.rationaleRequired,
        rationale,
        rule.assignsActor,
        state.id,
        effect,
        now,
        version,
        state.status,
        ...chain,
      ],
    );
    // Changed since the lookup read it: the client's version is no longer current.
    if (written.rows[0].updated !== 1) throw new Problem(412, 'version');
    return {
      ...summaryOf({ ...state, id }),
      ...after,
      assigneeId: assigneeAfter,
      sources: state.sources.map(sourceOf),
    };
  });
  send(response, 200, after, { etag: `"${after.version}"` });
}

async function reviewQueue(request: IncomingMessage, response: ServerResponse, url: URL) {
  await authenticate(request, 'editor');
  const limit = Number(url.searchParams.get('limit') ?? 50);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new Problem(400, 'limit');
  const { rows } = await query('queue', QUEUE_PAGE, [limit + 1]);
  const kept = rows.slice(0, limit);
  const last = kept.at(-1);
  const nextCursor =
    rows.length > limit && last
      ? Buffer.from(
          JSON.stringify(['queue', last.priority_rank, last.created_key, last.id]),
        ).toString('base64url')
      : null;
  send(response, 200, { items: kept.map(summaryOf), nextCursor });
}

const summaryOf = (row: Record<string, any>) => ({
  id: row.id,
  text: row.text,
  claimant: row.claimant,
  claimantId: row.claimant_id,
  claimedAt: row.claimed_at,
  articleId: row.article_id,
  span: row.span_start === null ? null : { start: row.span_start, end: row.span_end },
  appearanceUrl: row.appearance_url,
  tags: row.tags,
  priority: row.priority,
  status: row.status,
  rationale: row.rationale,
  submittedBy: row.submitted_by,
  assigneeId: row.assignee_id,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at?.toISOString() ?? null,
  dueAt: row.due_at?.toISOString() ?? null,
  mergedInto: row.merged_into,
  language: row.language,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

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
