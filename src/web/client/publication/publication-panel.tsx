import { useState } from 'preact/hooks';
import type { Claim } from '../types.js';
import { Alert, Field, inputValue } from '../ui.js';
import { DraftForm } from './draft-form.js';
import { PublicationStatusLine } from './publication-status.js';
import { usePublication } from './use-publication.js';

// The public fact-check of a decided claim: write the draft, preview the public page (the
// service renders it with the page's own template, shown in a sandboxed frame), publish,
// correct with a note, retract with a reason.
export function PublicationPanel({ claim, onRecorded }: { claim: Claim; onRecorded: () => void }) {
  const state = usePublication(claim.id, claim.text.length <= 140 ? claim.text : '', onRecorded);
  const [note, setNote] = useState('');
  const { publication, busy } = state;
  const status = publication?.status ?? 'new';
  if (status === 'retracted') {
    return (
      <section class="card publication" aria-labelledby="publication-title">
        <h2 id="publication-title">Public fact-check</h2>
        <PublicationStatusLine publication={publication!} />
      </section>
    );
  }
  const published = status === 'published';
  return (
    <section class="card publication" aria-labelledby="publication-title">
      <h2 id="publication-title">Public fact-check</h2>
      {publication ? <PublicationStatusLine publication={publication} /> : null}
      <DraftForm claim={claim} fields={state.fields} onChange={state.setFields} />
      {published ? (
        <Field
          label="Correction note"
          hint="Shown on the page: what changed and why. Also the reason for a retraction."
        >
          <textarea name="note" rows={2} value={note} onInput={(e) => setNote(inputValue(e))} />
        </Field>
      ) : null}
      <div class="buttons">
        <button type="button" disabled={busy} onClick={state.saveDraft}>
          Save draft
        </button>
        <button type="button" disabled={busy} onClick={state.showPreview}>
          Preview
        </button>
        <button
          type="button"
          class="tone-primary"
          disabled={busy || (published && !note.trim())}
          onClick={() => state.publish(published ? note.trim() : undefined).then(() => setNote(''))}
        >
          {published ? 'Publish correction' : 'Publish'}
        </button>
        {published ? (
          <button
            type="button"
            class="tone-bad"
            disabled={busy || !note.trim()}
            onClick={() => state.retract(note.trim())}
          >
            Retract
          </button>
        ) : null}
      </div>
      <Alert>{state.error}</Alert>
      {state.preview !== null ? (
        <iframe
          class="preview"
          title="Preview of the public page"
          sandbox=""
          srcdoc={state.preview}
        />
      ) : null}
    </section>
  );
}
