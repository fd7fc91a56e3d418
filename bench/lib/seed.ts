import { randomUUID } from 'node:crypto';
import pg from 'pg';
import QueryStream from 'pg-query-stream';
import type { AuditActor, AuditEventType, HashedAuditEvent } from '../../src/audit/audit-event.js';
import { GENESIS_HASH } from '../../src/audit/audit-event.js';
import { copyEvents, dropSecondaryIndexes, hashed, type SeededEvent } from './bulk-load.js';
import { settleTables } from './postgres.js';

export interface Person extends AuditActor {
  token: string;
}

export interface People {
  reporter: Person;
  editor: Person;
  auditor: Person;
}

// The load's people, made through the service's own admin API.
export async function createPeople(serviceUrl: string, adminToken: string): Promise<People> {
  const create = async (name: string, roles: string[]): Promise<Person> => {
    const response = await fetch(`${serviceUrl}/api/v1/users`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name,
        email: `${name.toLowerCase().replace(/\s+/g, '-')}-${randomUUID()}@bench.test`,
        roles,
      }),
    });
    if (response.status !== 201) {
      throw new Error(`POST /users answered ${response.status}: ${await response.text()}`);
    }
    const { user, token } = (await response.json()) as {
      user: { id: string; name: string; roles: string[] };
      token: string | { token: string };
    };
    const secret = typeof token === 'string' ? token : token.token;
    return { id: user.id, name: user.name, roles: user.roles, token: secret };
  };
  return {
    reporter: await create('Bench Reporter', ['reporter']),
    editor: await create('Bench Editor', ['editor']),
    auditor: await create('Bench Auditor', ['auditor']),
  };
}

// Seeded claims are spread two seconds apart, oldest first, in windows that never overlap.
const STEP_MS = 2000;
let nextWindowStart = Date.now() - 60 * 24 * 3600 * 1000;

export interface ClaimBatch {
  count: number;
  // Every n-th claim is in review (started by the editor); 0 for none.
  inReviewEvery: number;
  // Claims submitted with one supporting source attached, ready for the decide load.
  withEvidence?: boolean;
}

// Inserts claims with set-based SQL (generate_series), then writes their audit events —
// valid per-claim hash chains, hashed exactly as the service hashes them — with COPY.
// Deliberately the seeder's own bulk SQL: the service's statements insert one claim at a time.
// Returns the ids of the batch's claims when asked (the decide load needs them).
export async function seedClaims(
  ownerUrl: string,
  people: People,
  batch: ClaimBatch,
  options: { returnIds?: boolean; bulk?: boolean } = {},
): Promise<string[]> {
  const from = new Date(nextWindowStart);
  nextWindowStart += batch.count * STEP_MS + 60_000;
  const to = new Date(nextWindowStart);
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const restore = options.bulk
      ? await dropSecondaryIndexes(client, ['claims', 'audit_events'])
      : undefined;
    const sourceId = batch.withEvidence ? await createSource(client, people.reporter) : null;
    await client.query(
      `INSERT INTO claims (text, claimant, tags, priority, status, submitted_by, assignee_id,
                           version, created_at, updated_at)
       SELECT 'Officials said ' || g || ' people were displaced in district ' || (g % 97)
                || ' after the floods of week ' || (g % 52) || '.',
              CASE WHEN g % 3 = 0 THEN 'Regional emergency service' ELSE 'Interior ministry' END,
              ARRAY['seeded', 'district-' || (g % 97)],
              CASE WHEN g % 50 = 0 THEN 'urgent' WHEN g % 10 = 1 THEN 'high' ELSE 'normal' END,
              CASE WHEN r THEN 'in_review' ELSE 'submitted' END,
              $1::uuid,
              CASE WHEN r THEN $2::uuid END,
              CASE WHEN r OR $6 THEN 2 ELSE 1 END,
              t,
              CASE WHEN r OR $6 THEN t + interval '1 second' ELSE t END
         FROM generate_series(1, $3::int) AS g,
              LATERAL (SELECT $4::timestamptz + (g - 1) * ($5::int * interval '1 millisecond') AS t,
                              $7::int > 0 AND g % greatest($7::int, 1) = 0 AS r) AS s`,
      [
        people.reporter.id,
        people.editor.id,
        batch.count,
        from.toISOString(),
        STEP_MS,
        Boolean(batch.withEvidence),
        batch.inReviewEvery,
      ],
    );
    if (sourceId) {
      await client.query(
        `INSERT INTO claim_sources (claim_id, source_id, stance, attached_by, attached_at)
         SELECT id, $1, 'supports', $2, updated_at FROM claims
          WHERE created_at >= $3 AND created_at < $4`,
        [sourceId, people.reporter.id, from.toISOString(), to.toISOString()],
      );
    }
    // Fresh statistics first: the read-back below must not plan against empty tables.
    await client.query('ANALYZE claims, claim_sources');
    const ids = await writeEvents(ownerUrl, client, people, from, to, sourceId, options.returnIds);
    if (restore) await restore();
    // A settled database, as a live one is: hint bits set and the visibility map current.
    // Otherwise the first scan after a bulk load rewrites every page it reads, and
    // autovacuum wakes up in the middle of a later measurement (seen: the first export
    // after the million-claim load 40 % slower than the next).
    await settleTables(client);
    return ids;
  } finally {
    await client.end();
  }
}

async function createSource(client: pg.Client, reporter: Person): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO sources (id, kind, title, url, normalized_url, publisher, created_by)
     VALUES ($1, 'official_statement', 'Ministry statement on displacement', $2, $2,
             'Interior ministry', $3)`,
    [id, `https://ministry.example/statements/${id}`, reporter.id],
  );
  return id;
}

interface SeededRow {
  id: string;
  text: string;
  claimant: string;
  tags: string[];
  priority: string;
  status: string;
  submitted_by: string;
  assignee_id: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  source: Record<string, unknown> | null;
}

// The claim as toClaimSummary (src/claims/claim-sql.ts) renders it at a given stage.
function summary(
  row: SeededRow,
  stage: { status: string; assigneeId: string | null; version: number; updatedAt: string },
) {
  return {
    id: row.id,
    text: row.text,
    claimant: row.claimant,
    claimedAt: null,
    articleId: null,
    span: null,
    appearanceUrl: null,
    tags: row.tags,
    priority: row.priority,
    status: stage.status,
    rationale: null,
    submittedBy: row.submitted_by,
    assigneeId: stage.assigneeId,
    decidedBy: null,
    decidedAt: null,
    version: stage.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: stage.updatedAt,
  };
}

// The events the service would have written for each seeded claim: claim.submitted; then
// either evidence.attached, or claim.transitioned + claim.assigned for a review started.
function* eventsOf(row: SeededRow, people: People): Generator<SeededEvent> {
  const createdAt = row.created_at.toISOString();
  const updatedAt = row.updated_at.toISOString();
  const submitted = summary(row, {
    status: 'submitted',
    assigneeId: null,
    version: 1,
    updatedAt: createdAt,
  });
  let prevHash = GENESIS_HASH;
  const event = (
    type: AuditEventType,
    actor: AuditActor,
    at: string,
    fields: Partial<HashedAuditEvent>,
  ): HashedAuditEvent => ({
    id: randomUUID(),
    claimId: row.id,
    type,
    actor: { id: actor.id, name: actor.name, roles: [...actor.roles] },
    at,
    fromStatus: fields.fromStatus ?? null,
    toStatus: fields.toStatus ?? null,
    rationale: null,
    data: fields.data ?? {},
    prevHash,
  });
  const emit = function* (next: HashedAuditEvent) {
    const event = hashed(next);
    yield event;
    prevHash = event.hash;
  };
  yield* emit(
    event('claim.submitted', people.reporter, createdAt, {
      toStatus: 'submitted',
      data: { after: submitted },
    }),
  );
  if (row.source) {
    yield* emit(
      event('evidence.attached', people.reporter, updatedAt, {
        data: {
          source: row.source,
          before: { version: 1, updatedAt: createdAt },
          after: { version: 2, updatedAt },
        },
      }),
    );
  } else if (row.status === 'in_review') {
    const keys = { rationale: null, decidedBy: null, decidedAt: null };
    yield* emit(
      event('claim.transitioned', people.editor, updatedAt, {
        fromStatus: 'submitted',
        toStatus: 'in_review',
        data: {
          before: { status: 'submitted', ...keys, version: 1, updatedAt: createdAt },
          after: { status: 'in_review', ...keys, version: 2, updatedAt },
        },
      }),
    );
    yield* emit(
      event('claim.assigned', people.editor, updatedAt, {
        data: { before: { assigneeId: null }, after: { assigneeId: people.editor.id } },
      }),
    );
  }
}

async function writeEvents(
  url: string,
  client: pg.Client,
  people: People,
  from: Date,
  to: Date,
  withSource: string | null,
  returnIds = false,
): Promise<string[]> {
  const ids: string[] = [];
  // Read with a second connection: the first one carries the COPY.
  const reader = new pg.Client({ connectionString: url });
  await reader.connect();
  try {
    const rows = reader.query(
      new QueryStream(
        `SELECT c.id, c.text, c.claimant, c.tags, c.priority, c.status, c.submitted_by,
                c.assignee_id, c.version, c.created_at, c.updated_at,
                CASE WHEN cs.claim_id IS NOT NULL THEN json_build_object(
                  'id', s.id, 'kind', s.kind, 'title', s.title, 'url', s.url,
                  'publisher', s.publisher, 'publishedAt', s.published_at, 'stance', cs.stance,
                  'note', cs.note, 'attachedBy', cs.attached_by,
                  'attachedAt', to_char(cs.attached_at AT TIME ZONE 'UTC',
                                        'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) END AS source
           FROM claims c
           LEFT JOIN claim_sources cs ON cs.claim_id = c.id AND cs.source_id = $3
           LEFT JOIN sources s ON s.id = cs.source_id
          WHERE c.created_at >= $1 AND c.created_at < $2
          ORDER BY c.created_at`,
        [from.toISOString(), to.toISOString(), withSource],
        { batchSize: 5000 },
      ),
    );
    async function* events() {
      for await (const row of rows as AsyncIterable<SeededRow>) {
        if (returnIds) ids.push(row.id);
        yield* eventsOf(row, people);
      }
    }
    await copyEvents(client, events());
  } finally {
    await reader.end();
  }
  return ids;
}
