import { editRefusal } from '../../../domain/claim-access.js';
import { ClaimantPicker } from '../claimants/claimant-picker.js';
import type { Me } from '../session.js';
import { PRIORITIES, type Priority } from '../types.js';
import { CommonLanguages, LanguageInput } from '../language.js';
import { ChangeProblem } from './change-problem.js';
import { Field, inputValue } from '../ui.js';
import type { Loaded } from './use-claim.js';
import { useEditClaim } from './use-edit-claim.js';

// Edit the claim's text, claimant, tags, priority and language, offered to whoever the rules let
// edit it (domain/claim-access.ts).
export function EditPanel(props: { me: Me; loaded: Loaded; onChanged: () => Promise<void> }) {
  const edit = useEditClaim(props.loaded, props.onChanged);
  if (editRefusal(props.me, props.loaded.claim)) return null;
  const { form } = edit;
  if (!form) {
    return (
      <button type="button" onClick={edit.open}>
        Edit claim
      </button>
    );
  }
  return (
    <form
      class="card edit-form"
      aria-label="Edit claim"
      onSubmit={(e) => {
        e.preventDefault();
        void edit.save();
      }}
    >
      <Field label="Claim text">
        <textarea
          rows={4}
          maxLength={2000}
          value={form.text}
          onInput={(e) => edit.set('text', inputValue(e))}
        />
      </Field>
      <Field label="Claimant">
        <input
          type="text"
          value={form.claimant}
          onInput={(e) => edit.set('claimant', inputValue(e))}
        />
      </Field>
      <ClaimantPicker
        me={props.me}
        text={form.claimant}
        linkedId={form.claimantId}
        onLink={(claimant) => {
          edit.set('claimantId', claimant?.id ?? null);
          if (claimant && !form.claimant.trim()) edit.set('claimant', claimant.name);
        }}
      />
      <Field label="Tags" hint="Separated by commas">
        <input type="text" value={form.tags} onInput={(e) => edit.set('tags', inputValue(e))} />
      </Field>
      <Field label="Priority">
        <select
          value={form.priority}
          onChange={(e) => edit.set('priority', inputValue(e) as Priority)}
        >
          {PRIORITIES.map((priority) => (
            <option value={priority}>{priority}</option>
          ))}
        </select>
      </Field>
      <Field label="Language" hint="Pick one or type a code such as pt-BR">
        <LanguageInput value={form.language} onInput={(value) => edit.set('language', value)} />
      </Field>
      <CommonLanguages />
      <div class="buttons">
        <button type="submit" class="primary" disabled={edit.busy}>
          {edit.busy ? 'Saving…' : 'Save changes'}
        </button>
        <button type="button" onClick={edit.close}>
          Cancel
        </button>
      </div>
      <ChangeProblem error={edit.error} stale={edit.stale} onReload={props.onChanged} />
    </form>
  );
}
