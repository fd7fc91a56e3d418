import { label, type Source, SOURCE_KINDS, STANCES } from '../types.js';
import { Alert, Field, inputValue } from '../ui.js';
import { type NewSource, type SourceMode, useAttachForm } from './use-attach-form.js';
import type { Loaded } from './use-claim.js';

export function AttachForm({
  loaded,
  onAttached,
}: {
  loaded: Loaded;
  onAttached: () => Promise<void>;
}) {
  const form = useAttachForm(loaded, onAttached);
  return (
    <form class="attach" onSubmit={form.submit} aria-labelledby="attach-title">
      <h3 id="attach-title">Attach evidence</h3>
      <SourceModeChoice mode={form.mode} onChange={form.setMode} />
      {form.mode === 'new' ? (
        <NewSourceFields source={form.source} onChange={form.setSource} />
      ) : (
        <ExistingSourceField known={form.known} value={form.sourceId} onChange={form.setSourceId} />
      )}
      <div class="grid-2">
        <Field label="Stance">
          <select name="stance" value={form.stance} onChange={(e) => form.setStance(inputValue(e))}>
            {STANCES.map((value) => (
              <option value={value}>{value}</option>
            ))}
          </select>
        </Field>
        <Field label="Note (optional)">
          <input
            name="evidence-note"
            value={form.note}
            maxLength={2000}
            onInput={(e) => form.setNote(inputValue(e))}
          />
        </Field>
      </div>
      <Alert>{form.error}</Alert>
      <button type="submit" disabled={form.busy}>
        {form.busy ? 'Attaching…' : 'Attach'}
      </button>
    </form>
  );
}

function SourceModeChoice(props: { mode: SourceMode; onChange: (mode: SourceMode) => void }) {
  return (
    <fieldset class="segmented">
      <legend class="sr-only">Source</legend>
      <label>
        <input
          type="radio"
          name="source-mode"
          checked={props.mode === 'new'}
          onChange={() => props.onChange('new')}
        />
        New source
      </label>
      <label>
        <input
          type="radio"
          name="source-mode"
          checked={props.mode === 'existing'}
          onChange={() => props.onChange('existing')}
        />
        Existing source
      </label>
    </fieldset>
  );
}

function NewSourceFields({
  source,
  onChange,
}: {
  source: NewSource;
  onChange: (source: NewSource) => void;
}) {
  return (
    <div class="grid-2">
      <Field label="Source URL">
        <input
          type="url"
          name="source-url"
          value={source.url}
          onInput={(e) => onChange({ ...source, url: inputValue(e) })}
        />
      </Field>
      <Field label="Source title">
        <input
          name="source-title"
          value={source.title}
          required
          maxLength={500}
          onInput={(e) => onChange({ ...source, title: inputValue(e) })}
        />
      </Field>
      <Field label="Kind">
        <select
          name="source-kind"
          value={source.kind}
          onChange={(e) => onChange({ ...source, kind: inputValue(e) })}
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
          onInput={(e) => onChange({ ...source, publisher: inputValue(e) })}
        />
      </Field>
    </div>
  );
}

function ExistingSourceField(props: {
  known: Source[];
  value: string;
  onChange: (sourceId: string) => void;
}) {
  return (
    <Field label="Existing source">
      <select
        name="source-id"
        value={props.value}
        required
        onChange={(e) => props.onChange(inputValue(e))}
      >
        <option value="">Choose a source…</option>
        {props.known.map((item) => (
          <option value={item.id}>
            {item.title}
            {item.publisher ? ` — ${item.publisher}` : ''}
          </option>
        ))}
      </select>
    </Field>
  );
}
