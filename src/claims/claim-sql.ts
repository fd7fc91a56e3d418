import { chainHeadQuery, insertEventsPart } from '../audit/audit-event-sql.js';
import type { AuthUser } from '../auth/role.js';
import { identityHolds } from '../auth/token-sql.js';
import { timestampKey } from '../common/pagination/cursor.js';
import { isoFromUtcText, utcText } from '../database/utc-text.js';
import type { ClaimStatus, Stance, Transition } from '../domain/claim-status.js';
import { textSearchConfigOf } from '../domain/languages.js';
import type { Priority } from '../domain/priorities.js';
import type { CreateClaimDto } from './dto/claim.dto.js';
import type { ClaimSourceView, ClaimSummaryView } from './dto/claim.view.js';

// The statements that write and lock the claims table, and their parameter builders. Only
// claims/ runs them (other rooms use claim-locks.ts and claim-reads.ts); the benchmark's
// baseline imports them so the two can never drift apart. Claims are read and written
// with explicit SQL (no entity hydration): these are the hot paths of submit, queue, list
// and transition.

// The due-date queue orders by this key: no due date sorts after every date ('none').
export const DUE_ORDER = `coalesce(c.due_at, 'infinity'::timestamptz)`;
function dueKey(column: string): string {
  return `CASE WHEN ${column} IS NULL THEN 'none' ELSE ${timestampKey(column)} END`;
}

export const CLAIM_COLUMNS = `
  c.id, c.text, c.claimant, c.claimant_id, c.claimed_at::text AS claimed_at, c.article_id, c.span_start,
  c.span_end, c.appearance_url, c.tags, c.priority, c.status, c.rationale, c.submitted_by,
  c.assignee_id, c.decided_by, ${utcText('c.decided_at')} AS decided_at, c.version,
  ${utcText('c.created_at')} AS created_at, ${utcText('c.updated_at')} AS updated_at,
  ${utcText('c.due_at')} AS due_at, c.priority_rank, c.language,
  ${timestampKey('c.created_at')} AS created_key,
  c.merged_into,
  ${dueKey('c.due_at')} AS due_key`;

export interface ClaimRow {
  id: string;
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
  status: ClaimStatus;
  rationale: string | null;
  submitted_by: string;
  assignee_id: string | null;
  decided_by: string | null;
  decided_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  due_at: string | null;
  priority_rank: number;
  language: string;
  created_key: string;
  due_key: string;
  merged_into: string | null;
}

export const toClaimSummary = (row: ClaimRow): ClaimSummaryView => ({
  id: row.id,
  text: row.text,
  claimant: row.claimant,
  claimantId: row.claimant_id,
  claimedAt: row.claimed_at,
  articleId: row.article_id,
  span: row.span_start === null ? null : { start: row.span_start, end: row.span_end! },
  appearanceUrl: row.appearance_url,
  tags: row.tags,
  priority: row.priority,
  status: row.status,
  rationale: row.rationale,
  submittedBy: row.submitted_by,
  assigneeId: row.assignee_id,
  decidedBy: row.decided_by,
  decidedAt: row.decided_at === null ? null : isoFromUtcText(row.decided_at),
  dueAt: row.due_at === null ? null : isoFromUtcText(row.due_at),
  mergedInto: row.merged_into,
  language: row.language,
  version: row.version,
  createdAt: isoFromUtcText(row.created_at),
  updatedAt: isoFromUtcText(row.updated_at),
});

// The claim's row lock for the rest of the transaction, plus the head of the claim's audit
// chain in the same round trip: parameters [id, id] (the chain is text, the id a uuid).
// The head is read with the statement's snapshot, taken before any wait for the lock, so
// it is only what the audit trail's append may expect: the insert checks it and falls back
// to the real head if the previous lock holder appended since.
export const LOCK_CLAIM_SQL = `SELECT ${CLAIM_COLUMNS}, (${chainHeadQuery('$2')}) AS chain_head
       FROM claims c WHERE c.id = $1 FOR UPDATE OF c`;

export type LockedClaimRow = ClaimRow & { chain_head: string | null };

export const INSERT_CLAIM_SQL = `INSERT INTO claims AS c
         (text, claimant, claimed_at, article_id, span_start, span_end, appearance_url, tags,
          priority, submitted_by, claimant_id, language, search_config)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::regconfig)
       RETURNING ${CLAIM_COLUMNS}`;

// `language` is the claim's, already resolved (the request's, the article's or the newsroom's).
export const insertClaimParameters = (
  input: CreateClaimDto,
  submittedBy: string,
  language: string,
): unknown[] => [
  input.text,
  input.claimant ?? null,
  input.claimedAt ?? null,
  input.articleId ?? null,
  input.span?.start ?? null,
  input.span?.end ?? null,
  input.appearanceUrl ?? null,
  input.tags ?? [],
  input.priority ?? 'normal',
  submittedBy,
  input.claimantId ?? null,
  language,
  textSearchConfigOf(language),
];

// A submission in ONE statement: the claim and its first audit event, as a data-modifying
// CTE that commits both or neither without BEGIN and COMMIT. Everything the event's hash
// covers is known in the process before the statement runs: the claim's id and time come
// from the process ($1, $12) rather than from column defaults (submittedClaim() builds the
// claim the event records), and a new claim's chain is empty, so its first event links to
// the genesis hash and there is no head to read. The submitter's identity, if remembered,
// is confirmed by the same statement: no row when it no longer holds, and nothing written.
// Parameters: submitClaimParameters(), the event's eventParameters() from $16, then
// identityCheckParameters() from $29 (for a remembered identity only).
const submitClaimText = (identityCheck: string) => `WITH c AS (
         INSERT INTO claims AS c
           (id, text, claimant, claimed_at, article_id, span_start, span_end, appearance_url,
            tags, priority, submitted_by, created_at, updated_at, claimant_id, language,
            search_config)
         SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12, $13, $14, $15::regconfig
          WHERE ${identityCheck}
         RETURNING ${CLAIM_COLUMNS}
       ), submitted AS (${insertEventsPart(1, 16, 'EXISTS (SELECT FROM c)')})
       SELECT * FROM c`;
const SUBMIT_CLAIM_SQL = submitClaimText('true');
const SUBMIT_CLAIM_CONFIRMING_IDENTITY_SQL = submitClaimText(identityHolds(29));
export const submitClaimSql = (user: AuthUser): string =>
  user.remembered ? SUBMIT_CLAIM_CONFIRMING_IDENTITY_SQL : SUBMIT_CLAIM_SQL;

export const submitClaimParameters = (claim: ClaimSummaryView): unknown[] => [
  claim.id,
  claim.text,
  claim.claimant,
  claim.claimedAt,
  claim.articleId,
  claim.span?.start ?? null,
  claim.span?.end ?? null,
  claim.appearanceUrl,
  claim.tags,
  claim.priority,
  claim.submittedBy,
  claim.createdAt,
  claim.claimantId,
  claim.language,
  textSearchConfigOf(claim.language),
];

// The claim a submission creates, as the database will store it (the defaults of the
// claims table spelled out): what its claim.submitted event records and the statement
// writes. `at` is an ISO timestamp with milliseconds, which timestamptz keeps exactly.
export const submittedClaim = (
  id: string,
  input: CreateClaimDto,
  submittedBy: string,
  language: string,
  at: string,
): ClaimSummaryView => ({
  id,
  text: input.text,
  claimant: input.claimant ?? null,
  claimedAt: input.claimedAt ?? null,
  articleId: input.articleId ?? null,
  span: input.span ? { start: input.span.start, end: input.span.end } : null,
  appearanceUrl: input.appearanceUrl ?? null,
  tags: input.tags ?? [],
  priority: input.priority ?? 'normal',
  status: 'submitted',
  rationale: null,
  submittedBy,
  assigneeId: null,
  decidedBy: null,
  decidedAt: null,
  dueAt: null,
  claimantId: input.claimantId ?? null,
  mergedInto: null,
  language,
  version: 1,
  createdAt: at,
  updatedAt: at,
});

// A claim as a change to it starts, without a lock: its row, the head of its audit chain and
// its evidence, all read with one snapshot, and whether the changer's remembered identity
// still holds. Parameters [id, id] (the chain is text), then identityCheckParameters(). The
// change then writes with one statement guarded by the version read here (every change to
// a claim or its evidence bumps the version); the events it links to the head read here
// are refused by UNIQUE (chain, prev_hash) if the chain moved on (see transitionClaimSql).
const claimForChangeText = (
  identityCheck: string,
) => `SELECT ${CLAIM_COLUMNS}, (${chainHeadQuery('$2')}) AS chain_head,
            (SELECT coalesce(json_agg(json_build_object(
                      'id', s.id, 'kind', s.kind, 'title', s.title, 'url', s.url,
                      'publisher', s.publisher, 'published_at', s.published_at,
                      'stance', cs.stance, 'note', cs.note, 'attached_by', cs.attached_by,
                      'attached_at', cs.attached_at) ORDER BY cs.attached_at, s.id), '[]')
               FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
              WHERE cs.claim_id = c.id) AS sources,
            ${identityCheck} AS identity_holds
       FROM claims c WHERE c.id = $1`;
const CLAIM_FOR_CHANGE_SQL = claimForChangeText('true');
const CLAIM_FOR_CHANGE_CONFIRMING_IDENTITY_SQL = claimForChangeText(identityHolds(3));
export const claimForChangeSql = (user: AuthUser): string =>
  user.remembered ? CLAIM_FOR_CHANGE_CONFIRMING_IDENTITY_SQL : CLAIM_FOR_CHANGE_SQL;

// Timestamps inside json_agg arrive as text.
type JsonSourceRow = Omit<ClaimSourceRow, 'published_at' | 'attached_at'> & {
  published_at: string | null;
  attached_at: string;
};

export type ClaimForChangeRow = ClaimRow & {
  chain_head: string | null;
  sources: JsonSourceRow[];
  identity_holds: boolean;
};

export const toClaimSourceViews = (rows: JsonSourceRow[]): ClaimSourceView[] =>
  rows.map((row) =>
    toClaimSourceView({
      ...row,
      published_at: row.published_at === null ? null : new Date(row.published_at),
      attached_at: new Date(row.attached_at),
    }),
  );

// A transition in ONE statement, as data-modifying CTEs without BEGIN and COMMIT: it writes
// the claim (as transitionedClaim() computed it) and its events (one, or two when the
// transition also assigns) only if what the process decided on still holds:
// - the version must still be the one read (every change to a claim or its evidence bumps
//   it), so the rules checked in the process (If-Match, workflow, four-eyes) still hold.
//   The UPDATE's own row lock settles this: a concurrent change makes it re-check the
//   version on the row as committed, and find it moved on;
// - the claim's chain must still end at the head the events were linked to. Nothing reads
//   the head again: an event appended since (a comment, which leaves the version alone)
//   already points back to that head, so the unique (chain, prev_hash) refuses these events
//   and the whole statement fails (23505), writing nothing;
// - for a transition with an evidence rule, the evidence must still meet it. Counting it
//   needs the claim's lock first, so this form takes it (FOR UPDATE) before anything else
//   and reads the evidence FOR SHARE, which skips a row deleted (and follows a row changed)
//   by a transaction that committed while this one waited: the gate holds even against a
//   change that left the version alone.
// The plain form answers the claim's id if it wrote, and no row otherwise (a newer version,
// or no such claim: the caller reads again to tell which). The guarded form answers one
// row, the version and evidence found under the lock and, if it wrote, the claim's id (no
// row if the claim does not exist). Parameters: transitionClaimParameters(), then the
// events' eventParameters() from EVENTS_FROM of the form. One text per form and event count,
// built once: the prepared statement's name is looked up by the text on every request.
const transitionTexts = new Map<string, string>();
export function transitionClaimSql(eventCount: number, guardsEvidence: boolean): string {
  const key = `${eventCount}:${guardsEvidence}`;
  let text = transitionTexts.get(key);
  if (text === undefined) {
    text = guardsEvidence ? evidenceGuardedTransition(eventCount) : plainTransition(eventCount);
    transitionTexts.set(key, text);
  }
  return text;
}

// Where the events' parameters start: after transitionClaimParameters()' nine, and the
// evidence rule's two in the guarded form.
const EVENTS_FROM = { plain: 10, guarded: 12 };

const SET_TRANSITIONED = `SET status = $3, rationale = $4, assignee_id = $5::uuid,
                decided_by = $6::uuid, decided_at = $7::timestamptz, version = $8,
                updated_at = $9::timestamptz`;

const plainTransition = (eventCount: number) => `WITH c AS (
         UPDATE claims ${SET_TRANSITIONED}
          WHERE id = $1 AND version = $2
          RETURNING id
       ), transitioned AS (${insertEventsPart(eventCount, EVENTS_FROM.plain, 'EXISTS (SELECT FROM c)')})
       SELECT c.id AS written FROM c`;

const evidenceGuardedTransition = (eventCount: number) => `WITH locked AS (
         SELECT l.id, l.version FROM claims l WHERE l.id = $1 FOR UPDATE
       ), evidence AS (
         SELECT cs.stance FROM claim_sources cs
          WHERE cs.claim_id = (SELECT id FROM locked)
            FOR SHARE
       ), counted AS (
         SELECT count(*) FILTER (WHERE stance = 'supports')::int AS supports,
                count(*) FILTER (WHERE stance = 'contradicts')::int AS contradicts,
                count(*) FILTER (WHERE stance = 'context')::int AS context,
                count(*) FILTER (WHERE stance = $10)::int AS required
           FROM evidence
       ), c AS (
         UPDATE claims AS c ${SET_TRANSITIONED}
           FROM locked
          WHERE c.id = locked.id AND locked.version = $2
            AND (SELECT required FROM counted) >= $11
          RETURNING c.id
       ), transitioned AS (${insertEventsPart(eventCount, EVENTS_FROM.guarded, 'EXISTS (SELECT FROM c)')})
       SELECT locked.version AS locked_version, counted.supports AS evidence_supports,
              counted.contradicts AS evidence_contradicts, counted.context AS evidence_context,
              c.id AS written
         FROM locked CROSS JOIN counted LEFT JOIN c ON true`;

// What the guarded form found under the lock, and whether it wrote. It writes exactly the
// claim transitionedClaim() computed, so that claim is the answer; the row is not read back.
export interface TransitionAttemptRow {
  written: string | null;
  locked_version: number;
  evidence_supports: number;
  evidence_contradicts: number;
  evidence_context: number;
}

export const transitionClaimParameters = (
  before: ClaimSummaryView,
  after: ClaimSummaryView,
  evidence: { stance: Stance; required: number } | undefined,
): unknown[] => [
  before.id,
  before.version,
  after.status,
  after.rationale,
  after.assigneeId,
  after.decidedBy,
  after.decidedAt,
  after.version,
  after.updatedAt,
  ...(evidence ? [evidence.stance, evidence.required] : []),
];

// The claim a transition leaves, computed from the claim it starts from: what the
// transition's statement writes and its event records. `at` is the change's time.
export const transitionedClaim = (
  before: ClaimSummaryView,
  transition: Transition,
  rationale: string | null,
  actorId: string,
  at: string,
): ClaimSummaryView => {
  const decision = decisionEffect(transition);
  return {
    ...before,
    status: transition.to,
    rationale: transition.rationaleRequired ? rationale : before.rationale,
    assigneeId: transition.assignsActor ? actorId : before.assigneeId,
    decidedBy: decision === 'set' ? actorId : decision === 'clear' ? null : before.decidedBy,
    decidedAt: decision === 'set' ? at : decision === 'clear' ? null : before.decidedAt,
    version: before.version + 1,
    updatedAt: at,
  };
};

// A transition's update. It also counts the claim's evidence: it runs after the lock was
// taken and so sees every attach and detach committed before it, and attach and detach
// take the same lock, so nothing can change between this count and the commit.
export const TRANSITION_SQL = `UPDATE claims AS c
            SET status = $2,
                rationale = CASE WHEN $3::boolean THEN $4 ELSE rationale END,
                assignee_id = CASE WHEN $5::boolean THEN $6::uuid ELSE assignee_id END,
                decided_by = CASE $7::text WHEN 'set' THEN $6::uuid WHEN 'clear' THEN NULL
                                           ELSE decided_by END,
                decided_at = CASE $7::text WHEN 'set' THEN now() WHEN 'clear' THEN NULL
                                           ELSE decided_at END,
                version = version + 1,
                updated_at = now()
           FROM (SELECT count(*) FILTER (WHERE stance = 'supports')::int AS supports,
                        count(*) FILTER (WHERE stance = 'contradicts')::int AS contradicts,
                        count(*) FILTER (WHERE stance = 'context')::int AS context
                   FROM claim_sources WHERE claim_id = $1) AS e
          WHERE c.id = $1
          RETURNING ${CLAIM_COLUMNS}, e.supports AS evidence_supports,
                    e.contradicts AS evidence_contradicts, e.context AS evidence_context`;

export type TransitionedClaimRow = ClaimRow & {
  evidence_supports: number;
  evidence_contradicts: number;
  evidence_context: number;
};

export const transitionParameters = (
  id: string,
  transition: Transition,
  rationale: string | null,
  actorId: string,
): unknown[] => [
  id,
  transition.to,
  transition.rationaleRequired,
  rationale,
  transition.assignsActor,
  actorId,
  decisionEffect(transition),
];

// Decisions and withdrawals record who closed the claim and when; reopening clears it.
function decisionEffect(transition: Transition): 'set' | 'clear' | 'keep' {
  if (transition.kind === 'decide' || transition.kind === 'withdraw') return 'set';
  return transition.kind === 'reopen' ? 'clear' : 'keep';
}

// Assignment: parameters [id, assigneeId, whether dueAt was given, dueAt].
export const ASSIGN_CLAIM_SQL = `UPDATE claims AS c
            SET assignee_id = $2::uuid,
                due_at = CASE WHEN $3::boolean THEN $4::timestamptz ELSE due_at END,
                version = version + 1,
                updated_at = now()
          WHERE c.id = $1
          RETURNING ${CLAIM_COLUMNS}`;

// A change to the claim's evidence is a change to the claim: a new version.
export const TOUCH_CLAIM_SQL = `UPDATE claims AS c SET version = version + 1, updated_at = now()
        WHERE c.id = $1 RETURNING ${CLAIM_COLUMNS}`;

export const CLAIM_SOURCES_SQL = `SELECT s.id, s.kind, s.title, s.url, s.publisher, s.published_at,
            cs.stance, cs.note, cs.attached_by, cs.attached_at
       FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
      WHERE cs.claim_id = $1
      ORDER BY cs.attached_at, s.id`;

export interface ClaimSourceRow {
  id: string;
  kind: string;
  title: string;
  url: string | null;
  publisher: string | null;
  published_at: Date | null;
  stance: Stance;
  note: string | null;
  attached_by: string;
  attached_at: Date;
}

export const toClaimSourceView = (row: ClaimSourceRow): ClaimSourceView => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  url: row.url,
  publisher: row.publisher,
  publishedAt: row.published_at?.toISOString() ?? null,
  stance: row.stance,
  note: row.note,
  attachedBy: row.attached_by,
  attachedAt: row.attached_at.toISOString(),
});
