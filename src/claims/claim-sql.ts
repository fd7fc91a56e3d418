import { chainHeadQuery } from '../audit/audit-event-sql.js';
import { timestampKey } from '../common/pagination/cursor.js';
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
  c.assignee_id, c.decided_by, c.decided_at, c.version, c.created_at, c.updated_at,
  c.due_at, c.priority_rank, c.language, ${timestampKey('c.created_at')} AS created_key,
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
  decided_at: Date | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  due_at: Date | null;
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
  decidedAt: row.decided_at?.toISOString() ?? null,
  dueAt: row.due_at?.toISOString() ?? null,
  mergedInto: row.merged_into,
  language: row.language,
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
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
