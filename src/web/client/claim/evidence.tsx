import { useState } from 'preact/hooks';
import { call, messageOf } from '../api.js';
import type { Me } from '../session.js';
import { type Evidence, evidenceOf, label } from '../types.js';
import { AttachForm } from './attach-form.js';
import type { Loaded } from './use-claim.js';
import { Alert, StanceBadge } from '../ui.js';
import { mayAttachEvidence } from '../workflow.js';

export function EvidenceSection(props: { me: Me; loaded: Loaded; onChanged: () => Promise<void> }) {
  const { me, loaded } = props;
  const evidence = evidenceOf(loaded.claim);
  const editable = mayAttachEvidence(me, loaded.claim);
  const [error, setError] = useState<string | null>(null);

  const detach = async (sourceId: string) => {
    setError(null);
    try {
      await call('DELETE', `/claims/${loaded.claim.id}/sources/${sourceId}`, {
        ifMatch: loaded.etag,
      });
      await props.onChanged();
    } catch (failure) {
      setError(messageOf(failure));
    }
  };

  return (
    <section class="card" aria-labelledby="evidence-title">
      <h2 id="evidence-title">Evidence</h2>
      {evidence.length ? (
        <ul class="evidence" aria-label="Attached sources">
          {evidence.map((item) => (
            <EvidenceItem item={item} onDetach={editable ? detach : undefined} />
          ))}
        </ul>
      ) : (
        <p class="muted">No evidence attached yet.</p>
      )}
      <Alert>{error}</Alert>
      {editable ? <AttachForm loaded={loaded} onAttached={props.onChanged} /> : null}
      {!editable && loaded.claim.status !== 'withdrawn' && evidence.length ? (
        <p class="muted small">
          Evidence is frozen while the claim is decided; reopen it to change.
        </p>
      ) : null}
    </section>
  );
}

function EvidenceItem(props: { item: Evidence; onDetach?: (sourceId: string) => void }) {
  const { source, stance, note } = props.item;
  return (
    <li class={`evidence-item stance-border-${stance}`}>
      <div class="evidence-head">
        <StanceBadge stance={stance} />
        <span class="muted small">{label(source.kind)}</span>
      </div>
      <div class="evidence-title">
        {source.url ? (
          <a href={source.url} rel="noopener noreferrer" target="_blank">
            {source.title}
          </a>
        ) : (
          source.title
        )}
        {source.publisher ? <span class="muted"> · {source.publisher}</span> : null}
      </div>
      {note ? <p class="small">{note}</p> : null}
      {props.onDetach ? (
        <button
          type="button"
          class="link small"
          onClick={() => props.onDetach!(source.id)}
          aria-label={`Detach ${source.title}`}
        >
          Detach
        </button>
      ) : null}
    </li>
  );
}
