import { EntityManager } from 'typeorm';
import { preparedQueryWithin } from '../database/prepared-query.js';
import { DomainError } from '../common/problem/domain-error.js';
import { timestampKey } from '../common/pagination/cursor.js';
import { ClaimStatus, Stance } from '../domain/claim-status.js';
import type { Priority } from '../domain/priorities.js';
import { ClaimSourceView, ClaimSummaryView, ClaimView } from './dto/claim.view.js';

// Claims are read and written with explicit SQL (no entity hydration): these are the hot
// paths of submit, queue, list and transition.
export const CLAIM_COLUMNS = `
  c.id, c.text, c.claimant, c.claimed_at::text AS claimed_at, c.article_id, c.span_start,
  c.span_end, c.appearance_url, c.tags, c.priority, c.status, c.rationale, c.submitted_by,
  c.assignee_id, c.decided_by, c.decided_at, c.version, c.created_at, c.updated_at,
  c.priority_rank, ${timestampKey('c.created_at')} AS created_key`;

export interface ClaimRow {
  id: string;
  text: string;
  claimant: string | null;
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
  priority_rank: number;
  created_key: string;
}

export const toClaimSummary = (row: ClaimRow): ClaimSummaryView => ({
  id: row.id,
  text: row.text,
  claimant: row.claimant,
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
  version: row.version,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

// Takes the claim's row lock for the rest of the transaction: every change to a claim,
// its evidence or its audit chain is serialised behind this.
export async function lockClaim(manager: EntityManager, id: string): Promise<ClaimRow> {
  const [row] = await preparedQueryWithin<ClaimRow>(
    manager,
    `SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = $1 FOR UPDATE`,
    [id],
  );
  if (!row) throw new DomainError('not-found', `No claim ${id}.`);
  return row;
}

export async function findClaimRow(
  manager: EntityManager,
  id: string,
): Promise<ClaimRow | undefined> {
  const [row] = (await manager.query(`SELECT ${CLAIM_COLUMNS} FROM claims c WHERE c.id = $1`, [
    id,
  ])) as ClaimRow[];
  return row;
}

interface ClaimSourceRow {
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

export async function findClaimSources(
  manager: EntityManager,
  claimId: string,
): Promise<ClaimSourceView[]> {
  const rows = await preparedQueryWithin<ClaimSourceRow>(
    manager,
    `SELECT s.id, s.kind, s.title, s.url, s.publisher, s.published_at,
            cs.stance, cs.note, cs.attached_by, cs.attached_at
       FROM claim_sources cs JOIN sources s ON s.id = cs.source_id
      WHERE cs.claim_id = $1
      ORDER BY cs.attached_at, s.id`,
    [claimId],
  );
  return rows.map((row) => ({
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
  }));
}

export async function toClaimView(manager: EntityManager, row: ClaimRow): Promise<ClaimView> {
  return { ...toClaimSummary(row), sources: await findClaimSources(manager, row.id) };
}
