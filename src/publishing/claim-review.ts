// schema.org ClaimReview (https://schema.org/ClaimReview) as Google's fact-check structured
// data describes it (docs/publishing.md). Pure: built from a publication snapshot only, so
// what was published is exactly what is served and recorded in the audit trail.
import { BEST_RATING, WORST_RATING } from '../domain/publication.js';
import type { PublicationSnapshot } from './publication-snapshot.js';

export type ClaimReview = Record<string, unknown>;

export function claimReview(snapshot: PublicationSnapshot): ClaimReview {
  const { rating, claimant, newsroom } = snapshot;
  // The claim's own appearances, then those of the duplicates merged into it (SPEC §15).
  const appearances = [
    ...new Set(
      [
        snapshot.appearanceUrl,
        snapshot.firstAppearanceUrl,
        ...(snapshot.mergedAppearanceUrls ?? []),
      ].filter((url) => !!url),
    ),
  ] as string[];
  const itemReviewed = {
    '@type': 'Claim',
    // The claim's own language, which a review in another language quotes in translation.
    ...(snapshot.claimLanguage && { inLanguage: snapshot.claimLanguage }),
    ...(claimant && {
      author: {
        '@type': claimant.type,
        name: claimant.name,
        ...(claimant.sameAs.length > 0 && { sameAs: claimant.sameAs }),
      },
    }),
    ...(snapshot.claimedAt && { datePublished: snapshot.claimedAt }),
    ...(appearances.length > 0 && {
      appearance: appearances.map((url) => ({ '@type': 'CreativeWork', url })),
    }),
    ...(snapshot.firstAppearanceUrl && {
      firstAppearance: { '@type': 'CreativeWork', url: snapshot.firstAppearanceUrl },
    }),
  };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: snapshot.url,
    headline: snapshot.headline,
    claimReviewed: snapshot.claimReviewed,
    inLanguage: snapshot.language,
    author: {
      '@type': 'Organization',
      name: newsroom.name,
      url: newsroom.url,
      ...(newsroom.logoUrl && { logo: { '@type': 'ImageObject', url: newsroom.logoUrl } }),
    },
    datePublished: snapshot.datePublished,
    ...(snapshot.dateModified && { dateModified: snapshot.dateModified }),
    reviewRating: {
      '@type': 'Rating',
      alternateName: rating.alternateName,
      // A number only where the 1–5 true–false scale has a point for the verdict.
      ...(rating.ratingValue !== undefined && {
        ratingValue: rating.ratingValue,
        bestRating: BEST_RATING,
        worstRating: WORST_RATING,
      }),
    },
    itemReviewed,
    ...(snapshot.citedSources.length > 0 && {
      citation: snapshot.citedSources.map((source) => ({
        '@type': 'CreativeWork',
        name: source.title,
        ...(source.url && { url: source.url }),
      })),
    }),
  };
}
