import { useState } from 'preact/hooks';
import { messageOf } from '../api.js';
import { assignClaim } from '../assign.js';
import { BulkBar } from '../queue/bulk-bar.js';
import { ClaimRow } from '../queue/claim-row.js';
import { QueueFilters } from '../queue/queue-filters.js';
import { ShortcutsHelp } from '../queue/shortcuts-help.js';
import { StatusCounts } from '../queue/status-counts.js';
import { useQueue } from '../queue/use-queue.js';
import { useQueueKeys } from '../queue/use-queue-keys.js';
import { useSelection } from '../queue/use-selection.js';
import { href, navigate } from '../router.js';
import { can, type Me } from '../session.js';
import { useEditors } from '../use-editors.js';
import { Alert, Loading } from '../ui.js';

// The queue: claims under the filters, urgent first then oldest (or, in "My work", the
// earliest due first), one keyset page at a time. Editors tick claims for a bulk action
// and work the list from the keyboard (`?` lists the keys).
export function QueuePage({ me }: { me: Me }) {
  const queue = useQueue(me);
  const { filters, setFilters, items, cursor, counts, error, loadingMore, loadMore } = queue;
  const editors = useEditors(me);
  const list = items ?? [];
  const selection = useSelection(list.map((claim) => claim.id));
  const [notice, setNotice] = useState<string | null>(null);
  const editor = can.review(me);

  const assignToMe = async (index: number) => {
    const claim = list[index];
    if (!claim || !editor) return;
    try {
      queue.replace(await assignClaim(claim, me.id));
      setNotice('Assigned to you.');
    } catch (failure) {
      setNotice(messageOf(failure));
    }
  };
  const keys = useQueueKeys({
    count: list.length,
    open: (index) => list[index] && navigate(href.claim(list[index].id)),
    assignToMe: (index) => void assignToMe(index),
    toggle: (index, range) => editor && selection.toggle(index, range),
  });
  const afterBulk = () => {
    selection.clear();
    queue.reload();
  };

  return (
    <section aria-labelledby="queue-title">
      <div class="page-head">
        <h1 id="queue-title">{editor ? 'Review queue' : 'Claims'}</h1>
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
      {editor ? (
        <BulkBar
          me={me}
          editors={editors}
          chosen={list.filter((claim) => selection.selected.has(claim.id))}
          onDone={afterBulk}
        />
      ) : null}
      {keys.help ? <ShortcutsHelp onClose={keys.closeHelp} /> : null}
      <p class="small muted" role="status" aria-live="polite">
        {notice}
      </p>

      <Alert>{error}</Alert>
      {items === null && !error ? <Loading what="claims" /> : null}
      {items && items.length === 0 ? <p class="empty">No claims match these filters.</p> : null}
      {list.length > 0 ? (
        <ul class="claim-list" aria-label="Claims">
          {list.map((claim, index) => (
            <ClaimRow
              claim={claim}
              index={index}
              current={keys.current === index}
              selectable={editor}
              selected={selection.selected.has(claim.id)}
              editors={editors}
              onToggle={selection.toggle}
              onFocus={keys.setCurrent}
            />
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
