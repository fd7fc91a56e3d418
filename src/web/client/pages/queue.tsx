import { formatDateTime } from '../format.js';
import { QueueFilters } from '../queue/queue-filters.js';
import { useQueue } from '../queue/use-queue.js';
import { href } from '../router.js';
import { can, type Me } from '../session.js';
import { type Claim, label, STATUSES, type Status } from '../types.js';
import { Alert, Loading, PriorityBadge, StatusBadge } from '../ui.js';

// The queue: claims under the filters, urgent first then oldest, one keyset page at a
// time; the counts per status answer "how much is waiting" at a glance.
export function QueuePage({ me }: { me: Me }) {
  const { filters, setFilters, items, cursor, counts, error, loadingMore, loadMore } = useQueue(me);
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
      <QueueFilters me={me} filters={filters} onChange={setFilters} />

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
