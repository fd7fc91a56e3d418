import type { PublicationSnapshot } from '../publishing/publication-snapshot.js';
import { html, type Markup } from '../common/html/html.js';
import { displayDate, pageLayout } from './page-layout.js';

export interface FactCheckListInput {
  items: PublicationSnapshot[];
  nextUrl: string | null;
  newsroomName: string;
  newsroomUrl: string;
  language: string;
  canonicalUrl: string;
  feedUrl: string;
}

// GET /fact-checks: the newest fact-checks first, one page of them.
export function factCheckListPage(input: FactCheckListInput): Markup {
  return pageLayout(
    { ...input, title: 'Fact-checks', description: `Fact-checks by ${input.newsroomName}` },
    html`<h1>Fact-checks</h1>
      ${input.items.length === 0 && html`<p>Nothing published yet.</p>`}
      <ul class="fact-check-list">
        ${input.items.map(
          (s) =>
            html`<li>
              <a href="${s.url}">${s.headline}</a>
              <p class="list-meta">
                <span class="pill verdict-${s.rating.alternateName.toLowerCase()}"
                  >${s.rating.alternateName}</span
                >
                · ${s.claimReviewed} ·
                <time datetime="${s.datePublished}">${displayDate(s.datePublished)}</time>
              </p>
            </li>`,
        )}
      </ul>
      ${input.nextUrl && html`<nav><a rel="next" href="${input.nextUrl}">Older fact-checks</a></nav>`}`,
  );
}
