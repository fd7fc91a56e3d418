import { EntityManager } from 'typeorm';
import type { PublicationStatus } from '../domain/publication.js';
import type { ClaimReview } from './claim-review.js';
import type { PublicationVersionView } from './dto/publication.view.js';
import type { PublicationDraft, PublicationSnapshot } from './publication-snapshot.js';

// The publications and publication_versions tables: publishing/ owns them.

const ISO = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface PublicationRow {
  claimId: string;
  slug: string;
  status: PublicationStatus;
  version: number;
  draft: PublicationDraft;
  firstPublishedAt: string | null;
  retractedAt: string | null;
  retractionReason: string | null;
}

const PUBLICATION_COLUMNS = `claim_id AS "claimId", slug, status, version, draft,
  ${ISO('first_published_at')} AS "firstPublishedAt", ${ISO('retracted_at')} AS "retractedAt",
  retraction_reason AS "retractionReason"`;

export async function findPublication(
  manager: EntityManager,
  claimId: string,
): Promise<PublicationRow | undefined> {
  const [row] = (await manager.query(
    `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE claim_id = $1`,
    [claimId],
  )) as PublicationRow[];
  return row;
}

export async function findPublicationBySlug(
  manager: EntityManager,
  slug: string,
): Promise<PublicationRow | undefined> {
  const [row] = (await manager.query(
    `SELECT ${PUBLICATION_COLUMNS} FROM publications WHERE slug = $1`,
    [slug],
  )) as PublicationRow[];
  return row;
}

export async function findVersions(
  manager: EntityManager,
  claimId: string,
): Promise<PublicationVersionView[]> {
  return (await manager.query(
    `SELECT number, kind, ${ISO('published_at')} AS "publishedAt", published_by AS "publishedBy",
            correction, snapshot, claim_review AS "claimReview"
       FROM publication_versions WHERE claim_id = $1 ORDER BY number`,
    [claimId],
  )) as PublicationVersionView[];
}

export async function insertDraft(
  manager: EntityManager,
  claimId: string,
  slug: string,
  draft: PublicationDraft,
): Promise<void> {
  await manager.query(`INSERT INTO publications (claim_id, slug, draft) VALUES ($1, $2, $3)`, [
    claimId,
    slug,
    draft,
  ]);
}

export async function updateDraft(
  manager: EntityManager,
  claimId: string,
  slug: string,
  draft: PublicationDraft,
): Promise<void> {
  await manager.query(
    `UPDATE publications SET slug = $2, draft = $3, version = version + 1, updated_at = now()
      WHERE claim_id = $1`,
    [claimId, slug, draft],
  );
}

export async function slugTaken(
  manager: EntityManager,
  slug: string,
  claimId: string,
): Promise<boolean> {
  const rows = (await manager.query(
    'SELECT 1 FROM publications WHERE slug = $1 AND claim_id <> $2',
    [slug, claimId],
  )) as unknown[];
  return rows.length > 0;
}

export interface NewVersion {
  number: number;
  kind: 'publication' | 'correction';
  at: string;
  by: string;
  correction: string | null;
  snapshot: PublicationSnapshot;
  claimReview: ClaimReview;
}

export async function insertVersion(
  manager: EntityManager,
  claimId: string,
  version: NewVersion,
): Promise<void> {
  await manager.query(
    `INSERT INTO publication_versions
       (claim_id, number, kind, published_at, published_by, correction, snapshot, claim_review)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      claimId,
      version.number,
      version.kind,
      version.at,
      version.by,
      version.correction,
      version.snapshot,
      version.claimReview,
    ],
  );
  await manager.query(
    `UPDATE publications
        SET status = 'published', version = version + 1, updated_at = now(),
            first_published_at = coalesce(first_published_at, $2)
      WHERE claim_id = $1`,
    [claimId, version.at],
  );
}

export async function markRetracted(
  manager: EntityManager,
  claimId: string,
  at: string,
  reason: string,
): Promise<void> {
  await manager.query(
    `UPDATE publications
        SET status = 'retracted', version = version + 1, updated_at = now(),
            retracted_at = $2, retraction_reason = $3
      WHERE claim_id = $1`,
    [claimId, at, reason],
  );
}
