import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  decodeCursor,
  fromTimestampKey,
  KEY_SHAPES,
  Page,
  pageOf,
  timestampKey,
} from '../common/pagination/cursor.js';
import type { ClaimReview } from './claim-review.js';
import type { PublicationSnapshot, PublishedCorrection } from './publication-snapshot.js';

// What readers may see: published snapshots only, never a draft or the claim itself. The
// public pages and feeds (public/) read through this service.

export interface PublicFactCheck {
  claimId: string;
  status: 'published' | 'retracted';
  version: number;
  snapshot: PublicationSnapshot;
  claimReview: ClaimReview;
  corrections: PublishedCorrection[];
  retraction: { at: string; reason: string } | null;
}

export interface FeedEntry {
  claimId: string;
  number: number;
  kind: 'publication' | 'correction';
  publishedAt: string;
  correction: string | null;
  snapshot: PublicationSnapshot;
}

const ISO = (column: string) =>
  `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

// The newest version of each publication.
const LATEST = `LATERAL (
  SELECT v.number, v.snapshot, v.claim_review FROM publication_versions v
   WHERE v.claim_id = p.claim_id ORDER BY v.number DESC LIMIT 1) latest`;

@Injectable()
export class PublishedFactChecksService {
  constructor(private readonly dataSource: DataSource) {}

  // Undefined for an unknown slug or one never published.
  async bySlug(slug: string): Promise<PublicFactCheck | undefined> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [row] = (await manager.query(
        `SELECT p.claim_id AS "claimId", p.status, p.version, latest.snapshot,
                latest.claim_review AS "claimReview", ${ISO('p.retracted_at')} AS "retractedAt",
                p.retraction_reason AS "retractionReason"
           FROM publications p, ${LATEST}
          WHERE p.slug = $1 AND p.status <> 'draft'`,
        [slug],
      )) as (Omit<PublicFactCheck, 'corrections' | 'retraction'> & {
        retractedAt: string | null;
        retractionReason: string | null;
      })[];
      if (!row) return undefined;
      const corrections = (await manager.query(
        `SELECT ${ISO('published_at')} AS at, correction AS note FROM publication_versions
          WHERE claim_id = $1 AND kind = 'correction' ORDER BY number`,
        [row.claimId],
      )) as PublishedCorrection[];
      const { retractedAt, retractionReason, ...factCheck } = row;
      return {
        ...factCheck,
        corrections,
        retraction: retractedAt ? { at: retractedAt, reason: retractionReason ?? '' } : null,
      };
    });
  }

  // The current ClaimReview of a published claim (not a draft, not a retracted one).
  async claimReviewOf(claimId: string): Promise<ClaimReview | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT latest.claim_review AS "claimReview" FROM publications p, ${LATEST}
        WHERE p.claim_id = $1 AND p.status = 'published'`,
      [claimId],
    )) as { claimReview: ClaimReview }[];
    return row?.claimReview;
  }

  // Published fact-checks, first published newest first, keyset-paged.
  async list(limit: number, cursor?: string): Promise<Page<PublicFactCheckSummary>> {
    const values: unknown[] = [limit + 1];
    let after = '';
    if (cursor) {
      const [time, id] = decodeCursor(cursor, 'fact-checks', [
        KEY_SHAPES.timestamp,
        KEY_SHAPES.uuid,
      ]);
      values.push(time, id);
      after = `AND (p.first_published_at, p.claim_id) < (${fromTimestampKey('$2')}, $3::uuid)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT p.claim_id AS "claimId", latest.snapshot,
              ${timestampKey('p.first_published_at')} AS key
         FROM publications p, ${LATEST}
        WHERE p.status = 'published' ${after}
        ORDER BY p.first_published_at DESC, p.claim_id DESC
        LIMIT $1`,
      values,
    )) as { claimId: string; snapshot: PublicationSnapshot; key: string }[];
    return pageOf(
      rows,
      limit,
      (row) => ({ claimId: row.claimId, snapshot: row.snapshot }),
      (row) => ({ sort: 'fact-checks', key: [row.key, row.claimId] }),
    );
  }

  // Publications and corrections of fact-checks still published, newest first.
  async feedEntries(limit: number): Promise<FeedEntry[]> {
    return (await this.dataSource.query(
      `SELECT v.claim_id AS "claimId", v.number, v.kind, ${ISO('v.published_at')} AS "publishedAt",
              v.correction, v.snapshot
         FROM publication_versions v JOIN publications p ON p.claim_id = v.claim_id
        WHERE p.status = 'published'
        ORDER BY v.published_at DESC, v.claim_id, v.number DESC
        LIMIT $1`,
      [limit],
    )) as FeedEntry[];
  }

  // The current ClaimReview of every published fact-check, newest first.
  async currentClaimReviews(limit: number): Promise<ClaimReview[]> {
    const rows = (await this.dataSource.query(
      `SELECT latest.claim_review AS "claimReview" FROM publications p, ${LATEST}
        WHERE p.status = 'published'
        ORDER BY p.first_published_at DESC, p.claim_id DESC LIMIT $1`,
      [limit],
    )) as { claimReview: ClaimReview }[];
    return rows.map((row) => row.claimReview);
  }
}

export interface PublicFactCheckSummary {
  claimId: string;
  snapshot: PublicationSnapshot;
}
