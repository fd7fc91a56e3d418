import { useEffect, useState } from 'preact/hooks';
import { get, messageOf } from '../api.js';
import { type ChainCheck, verifyChains } from '../chain.js';
import { countOf, formatDateTime, shortHash } from '../format.js';
import { href } from '../router.js';
import { type AuditEvent, label, type Page } from '../types.js';
import { Alert } from '../ui.js';

const TYPE_LABELS: Record<string, string> = {
  'claim.submitted': 'Submitted',
  'claim.edited': 'Edited',
  'claim.transitioned': 'Status changed',
  'claim.assigned': 'Assigned',
  'claim.merged': 'Merged into another claim',
  'claim.absorbed': 'A duplicate was merged in',
  'evidence.attached': 'Evidence attached',
  'evidence.detached': 'Evidence detached',
  'comment.added': 'Commented',
  'publication.published': 'Fact-check published',
  'publication.corrected': 'Fact-check corrected',
  'publication.retracted': 'Fact-check retracted',
};

// The claim's audit events as a timeline, and the chain recomputed here in the browser:
// each event's SHA-256 over its canonical JSON, each link to the one before.
export function HistorySection({ claimId, revision }: { claimId: string; revision: number }) {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [check, setCheck] = useState<ChainCheck | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get<AuditEvent[] | Page<AuditEvent>>(`/claims/${claimId}/history`)
      .then(async (reply) => {
        const list = Array.isArray(reply.body) ? reply.body : reply.body.items;
        setEvents(list);
        setCheck(await verifyChains(list));
      })
      .catch((failure) => setError(messageOf(failure)));
  }, [claimId, revision]);

  return (
    <section class="card" aria-labelledby="history-title">
      <div class="card-head">
        <h2 id="history-title">History</h2>
        <ChainMark check={check} />
      </div>
      <Alert>{error}</Alert>
      {events ? (
        <ol class="timeline">
          {events.map((event) => (
            <li class={`event event-${event.type.replace('.', '-')}`}>
              <div class="event-head">
                <strong>{TYPE_LABELS[event.type] ?? event.type}</strong>
                {event.fromStatus && event.toStatus ? (
                  <span class="transition">
                    {label(event.fromStatus)} → {label(event.toStatus)}
                  </span>
                ) : null}
              </div>
              <div class="small muted">
                {event.actor.name} · <time dateTime={event.at}>{formatDateTime(event.at)}</time>
              </div>
              {event.rationale ? <p class="rationale">“{event.rationale}”</p> : null}
              <MergeLink event={event} />
              <PublicationNote event={event} />
              <div class="hash small" title={event.hash}>
                {shortHash(event.hash)}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

// What readers were told: the correction note or the retraction's reason, and which
// version of the public page (from the event itself, as recorded).
function PublicationNote({ event }: { event: AuditEvent }) {
  if (!event.type.startsWith('publication.')) return null;
  const data = event.data as {
    version?: number;
    url?: string;
    correction?: string;
    reason?: string;
  };
  const said = data.correction ?? data.reason;
  return (
    <>
      {said ? <p class="rationale">“{said}”</p> : null}
      {data.url && data.version ? (
        <a class="small" href={data.url}>
          version {data.version} of the public page
        </a>
      ) : null}
    </>
  );
}

// The other claim of a merge, from the event itself (the chain stays the record).
function MergeLink({ event }: { event: AuditEvent }) {
  const data = event.data as { after?: { mergedInto?: string }; merged?: { id?: string } };
  const other = event.type === 'claim.merged' ? data.after?.mergedInto : data.merged?.id;
  if (!other || (event.type !== 'claim.merged' && event.type !== 'claim.absorbed')) return null;
  return (
    <a class="small" href={href.claim(other)}>
      {event.type === 'claim.merged' ? 'the claim it went into' : 'the merged claim'}
    </a>
  );
}

function ChainMark({ check }: { check: ChainCheck | null }) {
  if (!check) return <span class="chain chain-pending">checking chain…</span>;
  if (check.state === 'verified') {
    return (
      <span
        class="chain chain-ok"
        data-testid="chain-mark"
        title="Every hash and link recomputed in this browser"
      >
        ✓ chain verified ({countOf(check.events, 'event')})
      </span>
    );
  }
  if (check.state === 'unavailable') {
    return <span class="chain chain-pending">{check.reason}</span>;
  }
  return (
    <span class="chain chain-broken" data-testid="chain-mark" role="alert">
      ✗ chain broken at event {check.eventId.slice(0, 8)}: {check.reason}
    </span>
  );
}
