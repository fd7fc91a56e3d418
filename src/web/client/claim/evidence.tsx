import { useEffect, useState } from 'preact/hooks';
import { ApiError, call, get, messageOf, post } from '../api.js';
import type { Me } from '../session.js';
import { evidenceOf, label, type Page, SOURCE_KINDS, type Source, STANCES } from '../types.js';
import type { Loaded } from './use-claim.js';
import { Alert, Field, inputValue, StanceBadge } from '../ui.js';
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
          {evidence.map(({ source, stance, note }) => (
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
              {editable ? (
                <button
                  type="button"
                  class="link small"
                  onClick={() => detach(source.id)}
                  aria-label={`Detach ${source.title}`}
                >
                  Detach
                </button>
              ) : null}
            </li>
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

const emptySource = { url: '', title: '', kind: 'media_report', publisher: '' };

function AttachForm({ loaded, onAttached }: { loaded: Loaded; onAttached: () => Promise<void> }) {
  const [mode, setMode] = useState<'new' | 'existing'>('new');
  const [source, setSource] = useState(emptySource);
  const [sourceId, setSourceId] = useState('');
  const [known, setKnown] = useState<Source[]>([]);
  const [stance, setStance] = useState('supports');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (mode !== 'existing' || known.length) return;
    get<Page<Source>>('/sources?limit=100')
      .then((reply) => setKnown(reply.body.items))
      .catch((failure) => setError(messageOf(failure)));
  }, [mode]);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const extra = note.trim() ? { note: note.trim() } : {};
    const body =
      mode === 'existing'
        ? { sourceId, stance, ...extra }
        : { source: compact(source), stance, ...extra };
    try {
      await post(`/claims/${loaded.claim.id}/sources`, { body, ifMatch: loaded.etag });
      setSource(emptySource);
      setSourceId('');
      setNote('');
      await onAttached();
    } catch (failure) {
      setError(
        failure instanceof ApiError && failure.status === 412
          ? `${messageOf(failure)} What you typed is kept.`
          : messageOf(failure),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="attach" onSubmit={submit} aria-labelledby="attach-title">
      <h3 id="attach-title">Attach evidence</h3>
      <fieldset class="segmented">
        <legend class="sr-only">Source</legend>
        <label>
          <input
            type="radio"
            name="source-mode"
            checked={mode === 'new'}
            onChange={() => setMode('new')}
          />
          New source
        </label>
        <label>
          <input
            type="radio"
            name="source-mode"
            checked={mode === 'existing'}
            onChange={() => setMode('existing')}
          />
          Existing source
        </label>
      </fieldset>
      {mode === 'new' ? (
        <div class="grid-2">
          <Field label="Source URL">
            <input
              type="url"
              name="source-url"
              value={source.url}
              onInput={(e) => setSource({ ...source, url: inputValue(e) })}
            />
          </Field>
          <Field label="Source title">
            <input
              name="source-title"
              value={source.title}
              required
              maxLength={500}
              onInput={(e) => setSource({ ...source, title: inputValue(e) })}
            />
          </Field>
          <Field label="Kind">
            <select
              name="source-kind"
              value={source.kind}
              onChange={(e) => setSource({ ...source, kind: inputValue(e) })}
            >
              {SOURCE_KINDS.map((kind) => (
                <option value={kind}>{label(kind)}</option>
              ))}
            </select>
          </Field>
          <Field label="Publisher">
            <input
              name="source-publisher"
              value={source.publisher}
              maxLength={200}
              onInput={(e) => setSource({ ...source, publisher: inputValue(e) })}
            />
          </Field>
        </div>
      ) : (
        <Field label="Existing source">
          <select
            name="source-id"
            value={sourceId}
            required
            onChange={(e) => setSourceId(inputValue(e))}
          >
            <option value="">Choose a source…</option>
            {known.map((item) => (
              <option value={item.id}>
                {item.title}
                {item.publisher ? ` — ${item.publisher}` : ''}
              </option>
            ))}
          </select>
        </Field>
      )}
      <div class="grid-2">
        <Field label="Stance">
          <select name="stance" value={stance} onChange={(e) => setStance(inputValue(e))}>
            {STANCES.map((value) => (
              <option value={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Note (optional)">
          <input
            name="evidence-note"
            value={note}
            maxLength={2000}
            onInput={(e) => setNote(inputValue(e))}
          />
        </Field>
      </div>
      <Alert>{error}</Alert>
      <button type="submit" disabled={busy}>
        {busy ? 'Attaching…' : 'Attach'}
      </button>
    </form>
  );
}

// Leaves out empty optional fields rather than sending empty strings.
const compact = (fields: Record<string, string>) =>
  Object.fromEntries(Object.entries(fields).filter(([, value]) => value.trim() !== ''));
