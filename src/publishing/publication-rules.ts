import type { PublishableClaim } from '../claims/claim-reads.js';
import type { LinkedClaimant } from '../claims/claimant-directory.js';
import { DomainError } from '../common/problem/domain-error.js';
import type { AppConfig } from '../config/app-config.js';
import type { DecidedStatus } from '../domain/claim-status.js';
import { PUBLIC_RATINGS } from '../domain/publication.js';
import type { PublicationDraft, PublicationSnapshot } from './publication-snapshot.js';

// A claim about to be published, with the claimant entity it is linked to (if any): its
// type and sameAs then describe the claim's author, not the draft's claimantType/SameAs.
export type ClaimToPublish = PublishableClaim & { linkedClaimant: LinkedClaimant | null };

// What may be published, and the snapshot a publication freezes: pure, from the claim as
// read under its lock, the editor's draft and the newsroom's configuration.

export const publicUrlOf = (config: AppConfig, slug: string) =>
  `${config.publicBaseUrl}/fact-checks/${slug}`;

export const slugTaken = (slug: string) =>
  new DomainError('conflict', `The slug "${slug}" is taken by another fact-check.`, {
    errors: [{ field: 'slug', message: 'is taken by another fact-check' }],
  });

export const unprocessable = (detail: string, fields: string[]) =>
  new DomainError('unprocessable', detail, {
    errors: fields.map((field) => ({ field, message: detail })),
  });

export function assertCited(ids: string[], claim: ClaimToPublish): void {
  const attached = new Set(claim.sources.map((source) => source.id));
  const missing = ids.filter((id) => !attached.has(id));
  if (missing.length > 0) {
    throw unprocessable(
      `citedSourceIds: ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not evidence attached to this claim.`,
      ['citedSourceIds'],
    );
  }
}

export function assertPublishable(claim: ClaimToPublish, draft: PublicationDraft): void {
  if (!claim.claimant && !claim.linkedClaimant && !claim.appearanceUrl && !claim.articleUrl) {
    throw unprocessable(
      'Readers must see who made the claim or where it appeared: give the claim a claimant or an appearanceUrl.',
      ['claimant', 'appearanceUrl'],
    );
  }
  if (claim.claimant && !claim.linkedClaimant && !draft.claimantType) {
    throw unprocessable('Say whether the claimant is a Person or an Organization.', [
      'claimantType',
    ]);
  }
}

export function snapshotOf(
  claim: ClaimToPublish,
  draft: PublicationDraft,
  slug: string,
  dates: { datePublished: string; dateModified: string | null },
  config: AppConfig,
): PublicationSnapshot {
  const verdict = claim.status as DecidedStatus;
  const cited = new Set(draft.citedSourceIds);
  return {
    slug,
    url: publicUrlOf(config, slug),
    language: draft.language,
    headline: draft.headline,
    summary: draft.summary,
    claimReviewed: draft.claimReviewed,
    claimLanguage: claim.language,
    verdict,
    rating: PUBLIC_RATINGS[verdict],
    claimant: authorOf(claim, draft),
    appearanceUrl: claim.appearanceUrl,
    firstAppearanceUrl: claim.articleUrl ?? claim.appearanceUrl,
    ...(claim.mergedAppearanceUrls.length > 0 && {
      mergedAppearanceUrls: claim.mergedAppearanceUrls,
    }),
    claimedAt: claim.claimedAt,
    citedSources: claim.sources
      .filter((source) => cited.has(source.id))
      .map(({ title, url, publisher }) => ({ title, url, publisher })),
    ...dates,
    newsroom: {
      name: config.newsroomName,
      url: config.newsroomUrl,
      logoUrl: config.newsroomLogoUrl ?? null,
    },
  };
}

// Who made the claim, as ClaimReview's itemReviewed.author: the linked claimant by its own
// name, type and sameAs (the draft's sameAs when it has none); else the free-text claimant
// with the type and sameAs the editor gave in the draft.
function authorOf(claim: ClaimToPublish, draft: PublicationDraft): PublicationSnapshot['claimant'] {
  const linked = claim.linkedClaimant;
  if (linked) {
    const sameAs = linked.sameAs.length > 0 ? linked.sameAs : draft.claimantSameAs;
    return { type: linked.type, name: linked.name, sameAs };
  }
  return claim.claimant && draft.claimantType
    ? { type: draft.claimantType, name: claim.claimant, sameAs: draft.claimantSameAs }
    : null;
}
