import { useEffect, useRef, useState } from 'preact/hooks';
import { ARTICLE_SEARCH_MAX } from '../../../domain/articles.js';
import { get, messageOf, query } from '../api.js';
import { countOf, firstCharacters, formatDateTime } from '../format.js';
import { languageName } from '../language.js';
import { href } from '../router.js';
import { can, type Me } from '../session.js';
import type { ArticleListItem, Page } from '../types.js';
import { Alert, Field, inputValue, Loading } from '../ui.js';

const PAGE_SIZE = 50;

// The articles the newsroom has ingested, newest first, so a reporter can go back to one
// and file the candidates still waiting; each row says how many were found and filed.
export function ArticlesPage({ me }: { me: Me }) {
  const [search, setSearch] = useState('');
  const [q, setQ] = useState('');
  const { items, error, more, loadingMore } = useArticles(q);
  const apply = (event: Event) => {
    event.preventDefault();
    setQ(search.trim());
  };
  return (
    <section aria-labelledby="articles-title">
      <div class="page-head">
        <h1 id="articles-title">Articles</h1>
        {can.submit(me) ? (
          <a class="button primary" href={href.newArticle()}>
            Paste an article
          </a>
        ) : null}
      </div>
      <form class="filters" onSubmit={apply} role="search" aria-label="Find articles">
        <Field label="Headline, outlet or URL">
          <input
            type="search"
            name="q"
            maxLength={ARTICLE_SEARCH_MAX}
            value={search}
            onInput={(event) => setSearch(inputValue(event))}
          />
        </Field>
        <button type="submit">Find</button>
      </form>
      <Alert>{error}</Alert>
      {!items ? (
        error ? null : (
          <Loading what="articles" />
        )
      ) : items.length === 0 ? (
        <p class="empty">
          {q
            ? `No article’s headline, outlet or URL contains “${q}”.`
            : 'No articles yet. Paste a story to find the claims in it.'}
        </p>
      ) : (
        <div class="card">
          <table class="list-table articles-table">
            <thead>
              <tr>
                <th scope="col">Article</th>
                <th scope="col">Ingested</th>
                <th scope="col">Candidates</th>
              </tr>
            </thead>
            <tbody>
              {items.map((article) => (
                <tr key={article.id} data-testid="article">
                  <th scope="row">
                    <a href={href.article(article.id)}>{headlineOf(article)}</a>
                    <span class="muted small article-meta">
                      {[article.outlet, languageName(article.language)].filter(Boolean).join(' · ')}
                    </span>
                  </th>
                  <td class="small">{formatDateTime(article.createdAt)}</td>
                  <td class="small">
                    {countOf(article.candidateCount, 'candidate')} ·{' '}
                    <span class={article.claimCount ? undefined : 'muted'}>
                      {countOf(article.claimCount, 'claim')} filed
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {more ? (
            <button type="button" onClick={() => void more()} disabled={loadingMore}>
              {loadingMore ? 'Loading…' : 'More articles'}
            </button>
          ) : null}
        </div>
      )}
    </section>
  );
}

// An untitled article is named by the start of its text.
const headlineOf = (article: ArticleListItem) =>
  article.title ?? firstCharacters(article.excerpt, 90, true);

// The list under the search `q` (none: every article), a keyset page at a time. A new
// search starts a new generation; answers to an older one are dropped, so a slow reply
// never overwrites a newer list.
function useArticles(q: string) {
  const [items, setItems] = useState<ArticleListItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);
  const load = async (after: string | null) => {
    const mine = generation.current;
    try {
      const reply = await get<Page<ArticleListItem>>(
        `/articles${query({ q: q || null, limit: PAGE_SIZE, cursor: after })}`,
      );
      if (mine !== generation.current) return;
      setItems((shown) => (after ? [...(shown ?? []), ...reply.body.items] : reply.body.items));
      setCursor(reply.body.nextCursor);
      setError(null);
    } catch (failure) {
      if (mine === generation.current) setError(messageOf(failure));
    }
  };
  useEffect(() => {
    generation.current++;
    setItems(null);
    setError(null);
    void load(null);
  }, [q]);
  const more = async () => {
    setLoadingMore(true);
    await load(cursor);
    setLoadingMore(false);
  };
  return { items, error, loadingMore, more: cursor ? more : null };
}
