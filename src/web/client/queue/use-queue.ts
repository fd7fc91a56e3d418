import { useEffect, useRef, useState } from 'preact/hooks';
import { get, messageOf, query } from '../api.js';
import { can, type Me } from '../session.js';
import type { Claim, Page, Status } from '../types.js';
import { type Filters, filtersFromHash, hashOf } from './filters.js';

const PAGE_SIZE = 25;

// The queue's data: claims under the filters, one keyset page at a time, and the counts
// per status. A change of filters starts a new generation; answers to an older one are
// dropped, so a slow reply never overwrites a newer list.
export function useQueue(me: Me) {
  const [filters, setFilters] = useState(() => filtersFromHash(location.hash));
  const [items, setItems] = useState<Claim[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<Status, number> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [reloads, setReloads] = useState(0);
  const generation = useRef(0);

  const params = (f: Filters) => ({
    status: f.status,
    priority: f.priority,
    tag: f.tag,
    q: f.q,
    language: f.language,
    assigneeId: f.mine ? me.id : undefined,
    submittedBy: f.submittedByMe ? me.id : undefined,
  });

  // Editors' open work comes from the review queue (urgent first, then oldest); a search,
  // a tag, a language, one's own submissions or other statuses go through the claims list
  // (urgent first, then newest).
  const listPath = (f: Filters, cursor: string | null) => {
    const open = f.status
      .split(',')
      .every((status) => status === 'submitted' || status === 'in_review');
    const narrowed = f.tag || f.q || f.language || f.submittedByMe;
    if (can.review(me) && f.status && open && !narrowed) {
      // My work: assigned to me, earliest due (so overdue) first.
      const mine = f.mine ? { assignee: 'me', sort: 'due' } : {};
      return `/review-queue${query({ status: f.status, priority: f.priority, ...mine, limit: PAGE_SIZE, cursor })}`;
    }
    return `/claims${query({ ...params(f), sort: '-priority', limit: PAGE_SIZE, cursor })}`;
  };

  useEffect(() => {
    // In place: a change of filters is not a page of its own for Back to step through. The
    // address of the desk's home is left alone while the filters are the defaults.
    const hash = hashOf(filters);
    const filtered = location.hash.includes('?') || hash.includes('?');
    if (filtered && location.hash !== hash) history.replaceState(null, '', hash);
    const mine = ++generation.current;
    setItems(null);
    setError(null);
    get<Page<Claim>>(listPath(filters, null))
      .then((reply) => {
        if (mine !== generation.current) return;
        setItems(reply.body.items);
        setCursor(reply.body.nextCursor);
      })
      .catch((failure) => mine === generation.current && setError(messageOf(failure)));
    // The counts ignore the status filter: they are what the status buttons choose from.
    get<{ counts: Record<Status, number> }>(
      `/desk/status-counts${query({ ...params(filters), status: undefined })}`,
    )
      .then((reply) => mine === generation.current && setCounts(reply.body.counts))
      .catch(() => mine === generation.current && setCounts(null));
  }, [filters, reloads]);

  // After a change from the list (a bulk action): the same filters, read again.
  const reload = () => setReloads((n) => n + 1);
  // One claim changed in place (assigned with `a`), keeping the list where it is.
  const replace = (claim: Claim) =>
    setItems((current) => current?.map((item) => (item.id === claim.id ? claim : item)) ?? null);

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    const mine = generation.current;
    try {
      const reply = await get<Page<Claim>>(listPath(filters, cursor));
      if (mine !== generation.current) return;
      setItems((current) => [...(current ?? []), ...reply.body.items]);
      setCursor(reply.body.nextCursor);
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setLoadingMore(false);
    }
  };

  return {
    filters,
    setFilters,
    items,
    cursor,
    counts,
    error,
    loadingMore,
    loadMore,
    reload,
    replace,
  };
}
