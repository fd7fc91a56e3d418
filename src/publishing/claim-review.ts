// schema.org ClaimReview (https://schema.org/ClaimReview) for a decided claim, as fact-check
// aggregators read it. Pure: built from the claim and its evidence as stored; the verdicts
// and their scale are the newsroom's (domain/verdicts.ts).
import type { DecidedStatus } from '../domain/claim-status.js';
import { BEST_VERDICT, VERDICTS, WORST_VERDICT } from '../domain/verdicts.js';

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
  const rating = VERDICTS[claim.status];
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
      bestRating: BEST_VERDICT,
      worstRating: WORST_VERDICT,
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
