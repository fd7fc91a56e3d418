import type { DecidedStatus } from './claim-status.js';

// The public fact-check's rules (SPEC §12), shared by the service and the desk's counters.
export const HEADLINE_MAX = 110;
export const SUMMARY_MAX = 5000;
export const CLAIM_REVIEWED_MAX = 140;
export const NOTE_MAX = 2000;
export const MAX_CITED_SOURCES = 50;
export const MAX_CLAIMANT_SAME_AS = 10;
export const SLUG_PATTERN = /^[a-z0-9-]{3,80}$/;

export const CLAIMANT_TYPES = ['Person', 'Organization'] as const;
export type ClaimantType = (typeof CLAIMANT_TYPES)[number];

export const PUBLICATION_STATUSES = ['draft', 'published', 'retracted'] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];

// The verdict as readers and aggregators see it. Google's fact-check markup reads the
// textual `alternateName`; a number is given only where a true–false scale means one
// (verified 5, refuted 1 of 1–5). "Disputed" and "Unverifiable" are not points between
// true and false, so they carry no number (docs/publishing.md).
export interface PublicRating {
  alternateName: 'True' | 'False' | 'Disputed' | 'Unverifiable';
  ratingValue?: number;
}

export const PUBLIC_RATINGS: Record<DecidedStatus, PublicRating> = {
  verified: { alternateName: 'True', ratingValue: 5 },
  refuted: { alternateName: 'False', ratingValue: 1 },
  disputed: { alternateName: 'Disputed' },
  unverifiable: { alternateName: 'Unverifiable' },
};
export const BEST_RATING = 5;
export const WORST_RATING = 1;

// A URL-safe slug from a headline: lower-case ASCII letters and digits joined by hyphens,
// at most 80 characters; `fallback` when the headline has too few of them (e.g. all Cyrillic).
export function slugify(headline: string, fallback: string): string {
  const slug = headline
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return slug.length >= 3 ? slug : fallback;
}
