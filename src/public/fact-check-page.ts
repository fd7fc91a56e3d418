import type { ClaimReview } from '../publishing/claim-review.js';
import type {
  PublicationSnapshot,
  PublishedCorrection,
} from '../publishing/publication-snapshot.js';
import { html, jsonLdBlock, type Markup, safeHref } from '../common/html/html.js';
import { displayDate, pageLayout } from './page-layout.js';

// What each public rating means, printed under the verdict so readers need no legend.
const RATING_MEANING: Record<string, string> = {
  True: 'The claim is accurate.',
  False: 'The claim is inaccurate.',
  Disputed: 'The evidence conflicts; the claim cannot be called true or false.',
  Unverifiable: 'The claim could not be checked against reliable evidence.',
};

export interface FactCheckPageInput {
  snapshot: PublicationSnapshot;
  claimReview: ClaimReview;
  corrections: PublishedCorrection[];
  feedUrl: string;
}

const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => html`<p>${paragraph}</p>`);

const excerpt = (text: string, max = 200) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

// A published fact-check, exactly from its snapshot: headline, verdict, the claim and who
// made it, the summary, cited sources, dates, corrections and one ClaimReview block.
export function factCheckPage(input: FactCheckPageInput): Markup {
  const { snapshot: s, corrections } = input;
  const verdict = s.rating.alternateName;
  const description = excerpt(s.summary.replace(/\s+/g, ' '));
  const head = {
    language: s.language,
    title: s.headline,
    newsroomName: s.newsroom.name,
    newsroomUrl: s.newsroom.url,
    canonicalUrl: s.url,
    description,
    feedUrl: input.feedUrl,
    extra: html`<meta property="og:type" content="article" />
      <meta property="og:title" content="${s.headline}" />
      <meta property="og:description" content="${description}" />
      <meta property="og:url" content="${s.url}" />
      <meta property="og:site_name" content="${s.newsroom.name}" />
      ${jsonLdBlock(input.claimReview)}`,
  };
  return pageLayout(
    head,
    html`<article class="fact-check">
      <h1>${s.headline}</h1>
      <section class="verdict verdict-${verdict.toLowerCase()}" aria-label="Verdict">
        <p class="verdict-label">Our verdict</p>
        <p class="verdict-value">${verdict}</p>
        <p class="verdict-meaning">${RATING_MEANING[verdict]}</p>
      </section>
      <figure class="claim">
        <blockquote><p>${s.claimReviewed}</p></blockquote>
        <figcaption>${claimCredit(s)}</figcaption>
      </figure>
      <section class="summary">${paragraphs(s.summary)}</section>
      ${
        s.citedSources.length > 0 &&
        html`<section class="sources">
          <h2>Sources</h2>
          <ol>
            ${s.citedSources.map((source) => {
              const href = safeHref(source.url);
              const name = href ? html`<a href="${href}">${source.title}</a>` : source.title;
              return html`<li>
                ${name}${source.publisher && html` <span class="publisher">${source.publisher}</span>`}
              </li>`;
            })}
          </ol>
        </section>`
      }
      <p class="dates">
        Published <time datetime="${s.datePublished}">${displayDate(s.datePublished)}</time>${
          s.dateModified &&
          html` · Updated <time datetime="${s.dateModified}">${displayDate(s.dateModified)}</time>`
        }
      </p>
      ${
        corrections.length > 0 &&
        html`<section class="corrections">
          <h2>Corrections</h2>
          <ul>
            ${corrections.map(
              (correction) =>
                html`<li>
                  <time datetime="${correction.at}">${displayDate(correction.at)}</time>:
                  ${correction.note}
                </li>`,
            )}
          </ul>
        </section>`
      }
    </article>`,
  );
}

function claimCredit(s: PublicationSnapshot): Markup {
  const where = safeHref(s.firstAppearanceUrl);
  return html`${s.claimant ? html`Claim by <strong>${s.claimant.name}</strong>` : 'Claim'}${
    s.claimedAt && html`, ${displayDate(s.claimedAt)}`
  }${where && html` · <a href="${where}">where it appeared</a>`}`;
}

// 410: the fact-check was withdrawn; no verdict, no structured data.
export function retractedPage(input: {
  snapshot: PublicationSnapshot;
  retraction: { at: string; reason: string };
  feedUrl: string;
}): Markup {
  const { snapshot: s, retraction } = input;
  return pageLayout(
    {
      language: s.language,
      title: 'Retracted fact-check',
      newsroomName: s.newsroom.name,
      newsroomUrl: s.newsroom.url,
      feedUrl: input.feedUrl,
      extra: html`<meta name="robots" content="noindex" />`,
    },
    html`<article class="retraction">
      <h1>This fact-check has been retracted</h1>
      <p>
        On <time datetime="${retraction.at}">${displayDate(retraction.at)}</time> ${s.newsroom.name}
        retracted the fact-check “${s.headline}”.
      </p>
      <h2>Why</h2>
      ${paragraphs(retraction.reason)}
    </article>`,
  );
}

export function notFoundPage(context: {
  newsroomName: string;
  newsroomUrl: string;
  language: string;
  feedUrl: string;
}): Markup {
  return pageLayout(
    { ...context, title: 'Not found' },
    html`<article class="not-found">
      <h1>No such fact-check</h1>
      <p><a href="/fact-checks">All fact-checks</a></p>
    </article>`,
  );
}
