import { describe, expect, it } from '@jest/globals';
import { claimReview } from './claim-review.js';
import type { PublicationSnapshot } from './publication-snapshot.js';

const snapshot: PublicationSnapshot = {
  slug: 'no-the-shelling-did-not-stop',
  url: 'https://ledger.example.org/fact-checks/no-the-shelling-did-not-stop',
  language: 'en',
  headline: 'No, the shelling did not stop',
  summary: 'Two independent monitors recorded strikes every night of the week.',
  claimReviewed: 'The shelling of Kherson stopped on Monday.',
  claimLanguage: 'uk',
  verdict: 'refuted',
  rating: { alternateName: 'False', ratingValue: 1 },
  claimant: null,
  appearanceUrl: 'https://news.example.org/briefing',
  firstAppearanceUrl: 'https://news.example.org/briefing',
  claimedAt: null,
  citedSources: [],
  datePublished: '2026-12-01T10:00:00.000Z',
  dateModified: null,
  newsroom: { name: 'The Daily Ledger', url: 'https://ledger.example.org', logoUrl: null },
};

describe('ClaimReview languages', () => {
  it('gives the review its language and the claim reviewed its own', () => {
    const review = claimReview(snapshot);
    expect(review.inLanguage).toBe('en');
    expect(review.itemReviewed).toMatchObject({ '@type': 'Claim', inLanguage: 'uk' });
  });

  it('leaves the claim’s language out of snapshots published before claims had one', () => {
    const review = claimReview({ ...snapshot, claimLanguage: undefined });
    expect(review.itemReviewed).not.toHaveProperty('inLanguage');
  });
});
