// schema.org ClaimReview (https://schema.org/ClaimReview) for a decided claim, as fact-check
// aggregators read it. Pure: built from the claim and its evidence as stored.

export const DECIDED_STATUSES = ['verified', 'disputed', 'refuted', 'unverifiable'] as const;
export type DecidedStatus = (typeof DECIDED_STATUSES)[number];

// The numeric scale (docs/audit.md): 1 = false … 5 = true, the usual five-point
// fact-check scale. claimdesk has no "mostly true" verdict, so 4 is never used; a claim
// that could not be checked sits in the middle, neither true nor false. alternateName
// carries the verdict itself.
export const RATINGS: Record<DecidedStatus, { value: number; name: string }> = {
  refuted: { value: 1, name: 'Refuted' },
  disputed: { value: 2, name: 'Disputed' },
  unverifiable: { value: 3, name: 'Unverifiable' },
  verified: { value: 5, name: 'Verified' },
};
export const WORST_RATING = 1;
export const BEST_RATING = 5;

export interface ReviewedClaim {
  id: string;
  text: string;
  claimant: string | null;
  claimedAt: string | null;
  appearanceUrl: string | null;
  status: DecidedStatus;
  rationale: string | null;
  decidedAt: string;
}

export interface ReviewSource {
  title: string;
  url: string | null;
  publisher: string | null;
  stance: string;
}

// Words that mark a claimant as an organisation rather than a person ("Britain's Defense
// Ministry", "the Interfax news agency"); anything else is taken to be a person.
const ORGANISATION_WORDS =
  /\b(ministry|ministries|service|agency|department|government|office|council|committee|party|company|corporation|inc|ltd|llc|news|police|army|forces|military|university|institute|association|organi[sz]ation|union|bank|court|commission|authority|bureau|parliament|assembly|senate|congress|administration|board|group|foundation|centre|center|network|press|times|post|tv|radio|who|nato|eu)\b/i;

export const claimantType = (claimant: string) =>
  ORGANISATION_WORDS.test(claimant) ? 'Organization' : 'Person';

export function claimReview(
  claim: ReviewedClaim,
  sources: ReviewSource[],
  context: { newsroomName: string; url: string },
) {
  const rating = RATINGS[claim.status];
  const itemReviewed: Record<string, unknown> = { '@type': 'Claim' };
  if (claim.claimant) {
    itemReviewed.author = { '@type': claimantType(claim.claimant), name: claim.claimant };
  }
  if (claim.claimedAt) itemReviewed.datePublished = claim.claimedAt;
  if (claim.appearanceUrl) {
    itemReviewed.appearance = [{ '@type': 'CreativeWork', url: claim.appearanceUrl }];
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: context.url,
    claimReviewed: claim.text,
    itemReviewed,
    author: { '@type': 'Organization', name: context.newsroomName },
    datePublished: claim.decidedAt,
    reviewRating: {
      '@type': 'Rating',
      ratingValue: rating.value,
      bestRating: BEST_RATING,
      worstRating: WORST_RATING,
      alternateName: rating.name,
      ...(claim.rationale && { ratingExplanation: claim.rationale }),
    },
    ...(sources.length && {
      citation: sources.map((source) => ({
        '@type': 'CreativeWork',
        name: source.title,
        ...(source.url && { url: source.url }),
        ...(source.publisher && { publisher: { '@type': 'Organization', name: source.publisher } }),
      })),
    }),
  };
}
