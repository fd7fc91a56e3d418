// The public pages' one stylesheet, served from /fact-checks/page.css so the pages need no
// inline style under the strict CSP. System fonts: nothing loaded from elsewhere.
export const PAGE_CSS = `
:root { --ink: #1b1b1f; --muted: #5b5f6a; --rule: #e3e4e8; --paper: #fff; --accent: #1d4ed8;
  --true: #0f7a3d; --false: #b42318; --disputed: #b54708; --unverifiable: #475467; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 18px/1.6 Georgia, "Iowan Old Style", "Times New Roman", serif; }
a { color: var(--accent); }
.masthead, .colophon, .verdict, .dates, .claim figcaption, h1, h2, nav, .list-meta {
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.masthead { display: flex; gap: .75rem; align-items: baseline; max-width: 46rem;
  margin: 0 auto; padding: 1rem 1.25rem; border-bottom: 1px solid var(--rule); }
.masthead a { color: var(--ink); font-weight: 700; font-size: 1.1rem; text-decoration: none; }
.masthead span { color: var(--muted); font-size: .9rem; text-transform: uppercase; letter-spacing: .08em; }
main { max-width: 46rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
h1 { font-size: clamp(1.7rem, 5vw, 2.4rem); line-height: 1.2; margin: .5rem 0 1.25rem; }
h2 { font-size: 1.1rem; margin: 2rem 0 .5rem; }
.verdict { border-left: 6px solid currentColor; background: #f6f7f9; padding: .9rem 1.1rem;
  margin: 0 0 1.5rem; border-radius: 0 6px 6px 0; }
.verdict p { margin: 0; }
.verdict-label { color: var(--muted); font-size: .8rem; text-transform: uppercase; letter-spacing: .1em; }
.verdict-value { font-size: 2rem; font-weight: 800; line-height: 1.2; }
.verdict-meaning { color: var(--ink); font-size: .95rem; }
.verdict-true { color: var(--true); } .verdict-false { color: var(--false); }
.verdict-disputed { color: var(--disputed); } .verdict-unverifiable { color: var(--unverifiable); }
.claim { margin: 0 0 1.5rem; }
.claim blockquote { margin: 0; padding: 0 0 0 1rem; border-left: 3px solid var(--rule);
  font-size: 1.2rem; font-style: italic; overflow-wrap: anywhere; }
.claim blockquote p { margin: 0; }
.claim blockquote p::before { content: "“"; } .claim blockquote p::after { content: "”"; }
.claim figcaption { color: var(--muted); font-size: .9rem; margin-top: .4rem; padding-left: 1rem; }
.summary p, .retraction p { overflow-wrap: anywhere; }
.sources ol { padding-left: 1.25rem; } .sources li { margin: .3rem 0; overflow-wrap: anywhere; }
.publisher { color: var(--muted); font-size: .9rem; }
.dates { color: var(--muted); font-size: .9rem; border-top: 1px solid var(--rule); padding-top: .75rem; }
.corrections { background: #fffaeb; border: 1px solid #fedf89; border-radius: 6px; padding: .25rem 1rem; }
.corrections h2 { margin-top: .75rem; }
.corrections ul { padding-left: 1.1rem; }
.fact-check-list { list-style: none; padding: 0; margin: 0; }
.fact-check-list li { border-bottom: 1px solid var(--rule); padding: 1rem 0; }
.fact-check-list a { font-size: 1.2rem; font-weight: 700; color: var(--ink); text-decoration: none; }
.fact-check-list a:hover { text-decoration: underline; }
.list-meta { color: var(--muted); font-size: .9rem; margin: .2rem 0 0; }
.list-meta time { white-space: nowrap; }
.pill { font-weight: 700; }
.colophon { max-width: 46rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted);
  font-size: .85rem; border-top: 1px solid var(--rule); }
`;
