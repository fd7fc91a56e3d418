import { EntityManager } from 'typeorm';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { SqlParameters, whereClause } from '../database/sql-parameters.js';
import { claimLanguageCondition, claimSearchCondition } from './claim-search.js';
import {
  CLAIM_STATUSES,
  DECIDED_STATUSES,
  type ClaimStatus,
  type DecidedStatus,
  type Stance,
} from '../domain/claim-status.js';
import type { Priority } from '../domain/priorities.js';
import {
  CLAIM_COLUMNS,
  CLAIM_SOURCES_SQL,
  ClaimRow,
  ClaimSourceRow,
  toClaimSourceView,
  toClaimSummary,
} from './claim-sql.js';
import type { ClaimSourceView, ClaimSummaryView, ClaimView } from './dto/claim.view.js';
import { MERGED_APPEARANCES_SQL } from './merge/merge-sql.js';

// The claims table as other rooms may read it: each read model answers one question, so no
// room outside claims/ writes SQL against claims.

export async function findClaim(
  manager: EntityManager,
  id: string,
): Promise<ClaimSummaryView | undefined> {
  const [row] = (await manager.query(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = $1`, [
    id,
  ])) as ClaimRow[];
  return row && toClaimSummary(row);
}

export async function assertClaimExists(manager: EntityManager, id: string): Promise<void> {
  const [claim] = (await manager.query('SELECT 1 FROM claims WHERE id = $1', [id])) as unknown[];
  if (!claim) throw new DomainError('not-found', `No claim ${id}.`);
}

export async function findClaimSources(
  manager: EntityManager,
  claimId: string,
): Promise<ClaimSourceView[]> {
  const rows = await preparedQueryWithin<ClaimSourceRow>(manager, CLAIM_SOURCES_SQL, [claimId]);
  return rows.map(toClaimSourceView);
}

// The claim with its evidence, as GET /claims/:id answers it.
export async function claimView(
  manager: EntityManager,
  claim: ClaimSummaryView,
): Promise<ClaimView> {
  return { ...claim, sources: await findClaimSources(manager, claim.id) };
}

export interface CitingClaim {
  id: string;
  text: string;
  status: ClaimStatus;
  stance: Stance;
  note: string | null;
}

// The claims a source is evidence for, most recently attached first.
export async function findClaimsCiting(
  manager: EntityManager,
  sourceId: string,
  limit: number,
): Promise<CitingClaim[]> {
  return (await manager.query(
    `SELECT c.id, c.text, c.status, cs.stance, cs.note
       FROM claim_sources cs JOIN claims c ON c.id = cs.claim_id
      WHERE cs.source_id = $1
      ORDER BY cs.attached_at DESC, c.id
      LIMIT $2`,
    [sourceId, limit],
  )) as CitingClaim[];
}

export interface FiledClaim {
  id: string;
  status: ClaimStatus;
  span: { start: number; end: number } | null;
}

// The claims filed from an article, oldest first: what its page shows of the work done.
export async function findClaimsFiledFrom(
  manager: EntityManager,
  articleId: string,
): Promise<FiledClaim[]> {
  const rows = (await manager.query(
    `SELECT c.id, c.status, c.span_start, c.span_end
       FROM claims c
      WHERE c.article_id = $1
      ORDER BY c.created_at, c.id`,
    [articleId],
  )) as Pick<ClaimRow, 'id' | 'status' | 'span_start' | 'span_end'>[];
  return rows.map((row) => ({
    id: row.id,
    status: row.status,
    span: row.span_start === null ? null : { start: row.span_start, end: row.span_end! },
  }));
}

// How many claims were filed from each of these articles (absent: none).
export async function countClaimsFiledFrom(
  manager: EntityManager,
  articleIds: string[],
): Promise<Map<string, number>> {
  if (articleIds.length === 0) return new Map();
  const rows = (await manager.query(
    `SELECT c.article_id, count(*)::int AS count
       FROM claims c
      WHERE c.article_id = ANY($1::uuid[])
      GROUP BY c.article_id`,
    [articleIds],
  )) as { article_id: string; count: number }[];
  return new Map(rows.map((row) => [row.article_id, row.count]));
}

export interface StatusCountFilters {
  q?: string;
  tag?: string;
  priority?: Priority;
  assigneeId?: string;
  submittedBy?: string;
  language?: string;
}

// How many claims are in each status under the claims list's filters; every status is
// present, 0 if none.
export async function countClaimsByStatus(
  manager: EntityManager,
  filters: StatusCountFilters,
): Promise<Record<ClaimStatus, number>> {
  const p = new SqlParameters();
  const where: string[] = [];
  if (filters.q) where.push(claimSearchCondition(p, filters.q, filters.language));
  if (filters.language) where.push(claimLanguageCondition(p, filters.language));
  if (filters.tag) where.push(`tags @> ARRAY[${p.add(filters.tag)}]::text[]`);
  if (filters.priority) where.push(`priority = ${p.add(filters.priority)}`);
  if (filters.assigneeId) where.push(`assignee_id = ${p.add(filters.assigneeId)}`);
  if (filters.submittedBy) where.push(`submitted_by = ${p.add(filters.submittedBy)}`);
  const rows = (await manager.query(
    `SELECT status, count(*) AS count FROM claims c ${whereClause(where)} GROUP BY status`,
    p.values,
  )) as { status: ClaimStatus; count: string }[];
  const counts = Object.fromEntries(CLAIM_STATUSES.map((status) => [status, 0])) as Record<
    ClaimStatus,
    number
  >;
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

export interface PublishableClaim {
  id: string;
  text: string;
  // BCP 47: the language the claim was made in
  language: string;
  claimant: string | null;
  // the claimant entity linked, if any (publishing describes it through ClaimantDirectory)
  claimantId: string | null;
  // YYYY-MM-DD
  claimedAt: string | null;
  appearanceUrl: string | null;
  // The URL of the article the claim was extracted from, if any: its first appearance.
  articleUrl: string | null;
  status: ClaimStatus;
  rationale: string | null;
  // ISO 8601 in UTC, to the millisecond
  decidedAt: string | null;
  // Where the claims merged into this one appeared (SPEC §15): more appearances of it.
  mergedAppearanceUrls: string[];
  sources: {
    id: string;
    title: string;
    url: string | null;
    publisher: string | null;
    stance: Stance;
  }[];
}

// A claim and its evidence as publishing renders them. Run it in one REPEATABLE READ
// transaction so the claim and its sources come from one snapshot.
export async function findPublishableClaim(
  manager: EntityManager,
  claimId: string,
): Promise<PublishableClaim | undefined> {
  const [claim] = (await manager.query(
    `SELECT c.id, c.text, c.language, c.claimant, c.claimant_id AS "claimantId",
            to_char(c.claimed_at, 'YYYY-MM-DD') AS "claimedAt",
            c.appearance_url AS "appearanceUrl", a.url AS "articleUrl", c.status, c.rationale,
            to_char(c.decided_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
              AS "decidedAt"
       FROM claims c LEFT JOIN articles a ON a.id = c.article_id
      WHERE c.id = $1`,
    [claimId],
  )) as Omit<PublishableClaim, 'sources' | 'mergedAppearanceUrls'>[];
  if (!claim) return undefined;
  const merged = (await manager.query(MERGED_APPEARANCES_SQL, [claimId])) as { url: string }[];
  const sources = (await manager.query(
    `SELECT s.id, s.title, s.url, s.publisher, cs.stance
       FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
      WHERE cs.claim_id = $1
      ORDER BY cs.attached_at, s.id`,
    [claimId],
  )) as PublishableClaim['sources'];
  return { ...claim, mergedAppearanceUrls: merged.map(({ url }) => url), sources };
}

export const DUPLICATE_SIMILARITY = 0.5;
// Enough to show a reporter the claim is known; a flood of resubmissions stays readable.
export const MAX_DUPLICATES_PER_CANDIDATE = 10;

export interface SimilarClaim {
  claimId: string;
  similarity: number;
}

// The sentences findSimilarClaims searches for: each distinct one once. Its cost is one
// search per sentence of this list (what an article's lookup budget counts).
export function sentencesLookedUp(sentences: string[]): string[] {
  return [...new Set(sentences)];
}

// Existing claims whose text is trigram-similar (pg_trgm) to each sentence, most similar
// first, in one query for all sentences. `%` rather than `similarity() >=` so the GIN index
// claims_text_trgm_idx serves each lookup; it compares with pg_trgm.similarity_threshold,
// set for this transaction only. Must run inside a transaction. A sentence an article
// repeats (a refrain, a boilerplate line, a pasted block) is looked up once: 5,000 copies
// of one common sentence cost one lookup, not 5,000 that could outrun the statement timeout.
export async function findSimilarClaims(
  manager: EntityManager,
  sentences: string[],
): Promise<SimilarClaim[][]> {
  const distinct = sentencesLookedUp(sentences);
  const similar = new Map<string, SimilarClaim[]>(distinct.map((sentence) => [sentence, []]));
  if (distinct.length > 0) {
    await manager.query(`SET LOCAL pg_trgm.similarity_threshold = ${DUPLICATE_SIMILARITY}`);
    const rows = (await manager.query(
      `SELECT s.ord::int AS ord, d.id, d.similarity
         FROM unnest($1::text[]) WITH ORDINALITY AS s (sentence, ord)
         CROSS JOIN LATERAL (
           SELECT c.id, similarity(c.text, s.sentence) AS similarity
             FROM claims c
            WHERE c.text % s.sentence
            ORDER BY similarity DESC, c.id
            LIMIT $2
         ) d
        ORDER BY s.ord, d.similarity DESC, d.id`,
      [distinct, MAX_DUPLICATES_PER_CANDIDATE],
    )) as { ord: number; id: string; similarity: number }[];
    for (const row of rows) {
      similar.get(distinct[row.ord - 1]!)!.push({
        claimId: row.id,
        // float4 as sent by PostgreSQL, e.g. 0.8235294; three places are plenty to rank by.
        similarity: Math.round(row.similarity * 1000) / 1000,
      });
    }
  }
  return sentences.map((sentence) => [...similar.get(sentence)!]);
}

// A claimant's track record (claimants/): how many of the claims linked to it were decided
// with each verdict; every verdict is present, 0 if none. Claims still open, withdrawn or
// otherwise closed without a verdict are not counted.
export async function countVerdictsOfClaimant(
  manager: EntityManager,
  claimantId: string,
): Promise<Record<DecidedStatus, number>> {
  const rows = (await manager.query(
    `SELECT status, count(*) AS count FROM claims
      WHERE claimant_id = $1 AND status = ANY($2::text[])
      GROUP BY status`,
    [claimantId, DECIDED_STATUSES],
  )) as { status: DecidedStatus; count: string }[];
  const counts = Object.fromEntries(DECIDED_STATUSES.map((status) => [status, 0])) as Record<
    DecidedStatus,
    number
  >;
  for (const row of rows) counts[row.status] = Number(row.count);
  return counts;
}

// The claims linked to a claimant, newest first, whatever their status.
export async function findLatestClaimsOfClaimant(
  manager: EntityManager,
  claimantId: string,
  limit: number,
): Promise<ClaimSummaryView[]> {
  const rows = (await manager.query(
    `SELECT ${CLAIM_COLUMNS} FROM claims c
      WHERE c.claimant_id = $1
      ORDER BY c.created_at DESC, c.id DESC
      LIMIT $2`,
    [claimantId, limit],
  )) as ClaimRow[];
  return rows.map(toClaimSummary);
}
