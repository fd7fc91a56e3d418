import type { DecidedStatus } from '../domain/claim-status.js';
import type { ClaimantType, PublicRating } from '../domain/publication.js';

// What readers saw in one published version: everything the public page and the
// ClaimReview are built from, frozen at publication. Never holds the internal rationale.
export interface PublicationSnapshot {
  slug: string;
  url: string;
  language: string;
  headline: string;
  summary: string;
  claimReviewed: string;
  // The language the claim was made in (the review's is `language`); absent in snapshots
  // from before claims had one.
  claimLanguage?: string;
  verdict: DecidedStatus;
  rating: PublicRating;
  claimant: { type: ClaimantType; name: string; sameAs: string[] } | null;
  appearanceUrl: string | null;
  firstAppearanceUrl: string | null;
  // Where the claims merged into this one appeared; absent in snapshots from before merging.
  mergedAppearanceUrls?: string[];
  // YYYY-MM-DD, when known
  claimedAt: string | null;
  citedSources: { title: string; url: string | null; publisher: string | null }[];
  // ISO 8601 UTC: the first publication, and the latest correction (null before one)
  datePublished: string;
  dateModified: string | null;
  newsroom: { name: string; url: string; logoUrl: string | null };
}

// A published correction as the page lists it.
export interface PublishedCorrection {
  at: string;
  note: string;
}

// The draft as editors write it (PUT /claims/:id/publication), stored as jsonb.
export interface PublicationDraft {
  headline: string;
  summary: string;
  claimReviewed: string;
  language: string;
  claimantType: ClaimantType | null;
  claimantSameAs: string[];
  citedSourceIds: string[];
}
