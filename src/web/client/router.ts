import { useEffect, useState } from 'preact/hooks';

// Hash routes (#/claims/<id>), so the server serves one page and a reload keeps the view.
export type Route =
  | { page: 'queue' }
  | { page: 'claim'; id: string }
  | { page: 'submit' }
  | { page: 'articles' }
  | { page: 'article-new' }
  | { page: 'article'; id: string }
  | { page: 'audit' }
  | { page: 'webhooks' }
  | { page: 'claimant'; id: string }
  | { page: 'account' }
  | { page: 'people' }
  | { page: 'invitation'; token: string }
  | { page: 'home' };

export function parseRoute(hash: string): Route {
  // What follows `?` belongs to the page (the queue keeps its filters there).
  const path = hash.replace(/^#/, '').split('?')[0]!;
  const [, first, second] = path.split('/');
  if (first === 'queue') return { page: 'queue' };
  if (first === 'claims' && second) return { page: 'claim', id: decodeURIComponent(second) };
  if (first === 'submit') return { page: 'submit' };
  if (first === 'articles' && !second) return { page: 'articles' };
  if (first === 'articles' && second === 'new') return { page: 'article-new' };
  if (first === 'articles' && second) return { page: 'article', id: decodeURIComponent(second) };
  if (first === 'audit') return { page: 'audit' };
  if (first === 'webhooks') return { page: 'webhooks' };
  if (first === 'claimants' && second) return { page: 'claimant', id: decodeURIComponent(second) };
  if (first === 'account') return { page: 'account' };
  if (first === 'people') return { page: 'people' };
  if (first === 'invitation' && second) return { page: 'invitation', token: second };
  return { page: 'home' };
}

export const href = {
  queue: () => '#/queue',
  claim: (id: string) => `#/claims/${encodeURIComponent(id)}`,
  submit: () => '#/submit',
  articles: () => '#/articles',
  newArticle: () => '#/articles/new',
  article: (id: string) => `#/articles/${encodeURIComponent(id)}`,
  audit: () => '#/audit',
  webhooks: () => '#/webhooks',
  claimant: (id: string) => `#/claimants/${encodeURIComponent(id)}`,
  account: () => '#/account',
  people: () => '#/people',
};

export const navigate = (target: string) => {
  location.hash = target;
};

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
