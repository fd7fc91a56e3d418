import { html, type Fragment, type Markup } from '../common/html/html.js';

export const STYLESHEET_PATH = '/fact-checks/page.css';

export interface PageHead {
  language: string;
  title: string;
  newsroomName: string;
  newsroomUrl: string;
  canonicalUrl?: string;
  description?: string;
  feedUrl: string;
  // Open Graph and structured data for a fact-check page.
  extra?: Fragment;
}

// The frame of every public page: the newsroom's masthead, the content, a footer.
export function pageLayout(head: PageHead, body: Fragment): Markup {
  return html`<!doctype html>
    <html lang="${head.language}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${head.title} · ${head.newsroomName}</title>
        ${head.canonicalUrl && html`<link rel="canonical" href="${head.canonicalUrl}" />`}
        ${head.description && html`<meta name="description" content="${head.description}" />`}
        <link rel="stylesheet" href="${STYLESHEET_PATH}" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <link
          rel="alternate"
          type="application/atom+xml"
          title="${head.newsroomName} fact-checks"
          href="${head.feedUrl}"
        />
        ${head.extra}
      </head>
      <body>
        <header class="masthead">
          <a href="${head.newsroomUrl}">${head.newsroomName}</a><span>Fact check</span>
        </header>
        <main>${body}</main>
        <footer class="colophon">
          Published by ${head.newsroomName}. <a href="${head.feedUrl}">Atom feed</a>
        </footer>
      </body>
    </html> `;
}

// "3 December 2026", in UTC so every reader sees the same date as the structured data.
export const displayDate = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
