import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { formatDate } from '../format.js';
import { href } from '../router.js';
import type { Article, Claim } from '../types.js';

const CONTEXT = 320;

// Where the claim appeared: its published URL and, when it came from an ingested
// article, the passage around it with the claim's sentence highlighted.
export function Appearance({ claim }: { claim: Claim }) {
  const [article, setArticle] = useState<Article | null>(null);
  useEffect(() => {
    if (!claim.articleId) return;
    // The article alone: its candidates' duplicate lookup is not needed here.
    get<{ article: Article }>(`/articles/${encodeURIComponent(claim.articleId)}?candidates=false`)
      .then((reply) => setArticle(reply.body.article))
      .catch(() => setArticle(null));
  }, [claim.articleId]);

  if (!claim.appearanceUrl && !claim.articleId) return null;
  const span = claim.span;
  return (
    <section class="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Where it appeared</h2>
      {claim.appearanceUrl ? (
        <p>
          <a href={claim.appearanceUrl} rel="noopener noreferrer" target="_blank">
            {claim.appearanceUrl}
          </a>
        </p>
      ) : null}
      {article ? (
        <>
          <p class="small muted">
            In <a href={href.article(article.id)}>{article.title ?? 'an ingested article'}</a>
            {article.outlet ? `, ${article.outlet}` : ''}
            {article.publishedAt ? `, ${formatDate(article.publishedAt)}` : ''}
          </p>
          {span ? (
            <p class="excerpt" data-testid="appearance-excerpt">
              {span.start > CONTEXT ? '…' : ''}
              {article.text.slice(Math.max(0, span.start - CONTEXT), span.start)}
              <mark class="hl hl-sentence">{article.text.slice(span.start, span.end)}</mark>
              {article.text.slice(span.end, span.end + CONTEXT)}
              {span.end + CONTEXT < article.text.length ? '…' : ''}
            </p>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
