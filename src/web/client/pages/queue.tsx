import { useEffect, useRef, useState } from 'preact/hooks';
import { get, messageOf, query } from '../api.js';
import { formatDateTime } from '../format.js';
import { href } from '../router.js';
import { can, type Me } from '../session.js';
import { type Claim, label, type Page, PRIORITIES, STATUSES, type Status } from '../types.js';
import { Alert, Field, inputValue, Loading, PriorityBadge, StatusBadge } from '../ui.js';

const WAITING = 'submitted,in_review';
const PAGE_SIZE = 25;

interface Filters {
  status: string;
  priority: string;
  tag: string;
  q: string;
  mine: boolean;
}

// The queue: claims under the filters, urgent first then oldest, one keyset page at a
// time; the counts per status answer "how much is waiting" at a glance.
export function QueuePage({ me }: { me: Me }) {
  const [filters, setFilters] = useState<Filters>({
    status: WAITING,
    priority: '',
    tag: '',
    q: '',
    mine: false,
  });
  const [draft, setDraft] = useState({ tag: '', q: '' });
  const [items, setItems] = useState<Claim[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [counts, setCounts] = useState<Record<Status, number> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const generation = useRef(0);

  // Editors' open work comes from the review queue (urgent first, then oldest); a search
  // or a tag, or other statuses, go through the claims list (urgent first, then newest).
  const listPath = (f: Filters, cursor: string | null) => {
    const open = f.status
      .split(',')
      .every((status) => status === 'submitted' || status === 'in_review');
    if (can.review(me) && f.status && open && !f.tag && !f.q) {
      const mine = f.mine ? 'true' : undefined;
      return `/review-queue${query({ status: f.status, priority: f.priority, mine, limit: PAGE_SIZE, cursor })}`;
    }
    return `/claims${query({ ...params(f), sort: '-priority', limit: PAGE_SIZE, cursor })}`;
  };

  const params = (f: Filters) => ({
    status: f.status,
    priority: f.priority,
    tag: f.tag,
    q: f.q,
    assigneeId: f.mine ? me.id : undefined,
  });

  useEffect(() => {
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
  }, [filters]);

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

  const apply = (event: Event) => {
    event.preventDefault();
    setFilters({ ...filters, tag: draft.tag.trim(), q: draft.q.trim() });
  };

  return (
    <section aria-labelledby="queue-title">
      <div class="page-head">
        <h1 id="queue-title">{can.review(me) ? 'Review queue' : 'Claims'}</h1>
        {can.submit(me) ? (
          <a class="button primary" href={href.submit()}>
            Submit a claim
          </a>
        ) : null}
      </div>

      <StatusCounts
        counts={counts}
        selected={filters.status}
        onSelect={(status) => setFilters({ ...filters, status })}
      />

      <form class="filters" onSubmit={apply} role="search" aria-label="Filter claims">
        <Field label="Status">
          <select
            name="status"
            value={filters.status}
            onChange={(e) => setFilters({ ...filters, status: inputValue(e) })}
          >
            <option value={WAITING}>Waiting (submitted, in review)</option>
            {STATUSES.map((status) => (
              <option value={status}>{label(status)}</option>
            ))}
            <option value="">Any status</option>
          </select>
        </Field>
        <Field label="Priority">
          <select
            name="priority"
            value={filters.priority}
            onChange={(e) => setFilters({ ...filters, priority: inputValue(e) })}
          >
            <option value="">Any priority</option>
            {PRIORITIES.map((priority) => (
              <option value={priority}>{priority}</option>
            ))}
          </select>
        </Field>
        <Field label="Tag">
          <input
            name="tag"
            value={draft.tag}
            onInput={(e) => setDraft({ ...draft, tag: inputValue(e) })}
          />
        </Field>
        <Field label="Search text and claimant">
          <input
            type="search"
            name="q"
            value={draft.q}
            onInput={(e) => setDraft({ ...draft, q: inputValue(e) })}
          />
        </Field>
        {can.review(me) ? (
          <label class="check">
            <input
              type="checkbox"
              checked={filters.mine}
              onChange={(e) =>
                setFilters({ ...filters, mine: (e.currentTarget as HTMLInputElement).checked })
              }
            />
            Assigned to me
          </label>
        ) : null}
        <button type="submit">Filter</button>
      </form>

      <Alert>{error}</Alert>
      {items === null && !error ? <Loading what="claims" /> : null}
      {items && items.length === 0 ? <p class="empty">No claims match these filters.</p> : null}
      {items && items.length > 0 ? (
        <ul class="claim-list" aria-label="Claims">
          {items.map((claim) => (
            <ClaimRow claim={claim} />
          ))}
        </ul>
      ) : null}
      {cursor ? (
        <button type="button" class="more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      ) : null}
    </section>
  );
}

function StatusCounts(props: {
  counts: Record<Status, number> | null;
  selected: string;
  onSelect: (status: string) => void;
}) {
  if (!props.counts) return null;
  return (
    <ul class="counts" aria-label="Claims per status">
      {STATUSES.map((status) => (
        <li>
          <button
            type="button"
            class={`count status-${status}`}
            aria-pressed={props.selected === status}
            onClick={() => props.onSelect(status)}
          >
            <span class="count-n">{props.counts![status]}</span>
            <span class="count-label">{label(status)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

function ClaimRow({ claim }: { claim: Claim }) {
  return (
    <li class={`claim-row priority-${claim.priority}`}>
      <div class="claim-row-head">
        <PriorityBadge priority={claim.priority} />
        <StatusBadge status={claim.status} />
        <span class="muted small">{formatDateTime(claim.createdAt)}</span>
      </div>
      <a class="claim-row-text" href={href.claim(claim.id)}>
        {claim.text}
      </a>
      <div class="claim-row-meta small">
        {claim.claimant ? <span>— {claim.claimant}</span> : <span class="muted">no claimant</span>}
        {claim.tags.map((tag) => (
          <span class="tag">{tag}</span>
        ))}
      </div>
    </li>
  );
}
