import type { ClaimReview } from '../publishing/claim-review.js';
import type { FeedEntry } from '../publishing/published-fact-checks.service.js';
import { html, type Markup } from '../common/html/html.js';

export interface FeedContext {
  baseUrl: string;
  newsroomName: string;
  newsroomUrl: string;
}

// An entry's id never changes: the page's address (fixed once published) and the version.
export const entryId = (entry: FeedEntry) => `${entry.snapshot.url}#version-${entry.number}`;

// Atom (RFC 4287): one entry per publication and per correction, newest first.
export function atomFeed(entries: FeedEntry[], context: FeedContext): Markup {
  const selfUrl = `${context.baseUrl}/fact-checks/feed.xml`;
  const updated = entries[0]?.publishedAt ?? new Date(0).toISOString();
  return html`<?xml version="1.0" encoding="utf-8"?>
    <feed xmlns="http://www.w3.org/2005/Atom">
      <id>${context.baseUrl}/fact-checks</id>
      <title>${context.newsroomName} fact-checks</title>
      <updated>${updated}</updated>
      <author><name>${context.newsroomName}</name><uri>${context.newsroomUrl}</uri></author>
      <link rel="self" type="application/atom+xml" href="${selfUrl}" />
      <link rel="alternate" type="text/html" href="${context.baseUrl}/fact-checks" />
      ${entries.map((entry) => {
        const s = entry.snapshot;
        const title =
          entry.kind === 'correction'
            ? `Correction: ${s.headline}`
            : `${s.rating.alternateName}: ${s.headline}`;
        const summary =
          entry.kind === 'correction'
            ? `Correction: ${entry.correction ?? ''}`
            : `${s.claimReviewed} — ${s.rating.alternateName}. ${s.summary}`;
        return html`<entry>
          <id>${entryId(entry)}</id>
          <title>${title}</title>
          <link rel="alternate" type="text/html" href="${s.url}" />
          <published>${entry.publishedAt}</published>
          <updated>${entry.publishedAt}</updated>
          <category term="${s.rating.alternateName}" />
          <summary type="text">${summary}</summary>
        </entry> `;
      })}</feed
    > `;
}

// schema.org DataFeed of the current ClaimReviews (one per published fact-check).
export function dataFeed(reviews: ClaimReview[], context: FeedContext) {
  return {
    '@context': 'https://schema.org',
    '@type': 'DataFeed',
    name: `${context.newsroomName} fact-checks`,
    url: `${context.baseUrl}/fact-checks/feed.json`,
    publisher: { '@type': 'Organization', name: context.newsroomName, url: context.newsroomUrl },
    // The feed's @context covers its elements.
    dataFeedElement: reviews.map((review) =>
      Object.fromEntries(Object.entries(review).filter(([key]) => key !== '@context')),
    ),
  };
}
