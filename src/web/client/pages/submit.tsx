import { useState } from 'preact/hooks';
import { newKey, post } from '../api.js';
import { href, navigate } from '../router.js';
import { can, type Me } from '../session.js';
import { ClaimantPicker } from '../claimants/claimant-picker.js';
import { recentDuplicates } from '../duplicates/recent-duplicates.js';
import { type Claim, type PossibleDuplicate, PRIORITIES } from '../types.js';
import { CommonLanguages, LanguageInput, languageProblem } from '../language.js';
import { Alert, Field, inputValue } from '../ui.js';
import { useRequest } from '../use-request.js';

const empty = {
  text: '',
  claimant: '',
  claimedAt: '',
  appearanceUrl: '',
  tags: '',
  priority: 'normal',
  claimantId: '',
  language: '',
};

export function SubmitPage({ me }: { me: Me }) {
  const [form, setForm] = useState(empty);
  const { busy, error, setError, send } = useRequest();
  // One key per claim being written: a second click or a retry replays, never duplicates.
  const [key, setKey] = useState(newKey);

  if (!can.submit(me)) return <Alert>Only reporters and editors submit claims.</Alert>;

  const set = (field: keyof typeof empty) => (event: Event) =>
    setForm({ ...form, [field]: inputValue(event) });

  const submit = (event: Event) => {
    event.preventDefault();
    const problem = languageProblem(form.language);
    if (problem) return setError(problem);
    const tags = form.tags
      .split(',')
      .map((tag) => tag.trim())
      .filter(Boolean);
    const body = {
      text: form.text.trim(),
      priority: form.priority,
      ...(form.claimant.trim() ? { claimant: form.claimant.trim() } : {}),
      ...(form.claimantId ? { claimantId: form.claimantId } : {}),
      ...(form.claimedAt ? { claimedAt: form.claimedAt } : {}),
      ...(form.appearanceUrl.trim() ? { appearanceUrl: form.appearanceUrl.trim() } : {}),
      ...(tags.length ? { tags } : {}),
      ...(form.language.trim() ? { language: form.language.trim() } : {}),
    };
    return send(async () => {
      const reply = await post<Claim & { possibleDuplicates?: PossibleDuplicate[] }>('/claims', {
        body,
        idempotencyKey: key,
      });
      setForm(empty);
      setKey(newKey());
      // The claim's page warns about them (duplicates/duplicate-warning.tsx).
      const duplicates = reply.body.possibleDuplicates ?? [];
      recentDuplicates.set({ claimId: reply.body.id, duplicates });
      navigate(href.claim(reply.body.id));
    });
  };

  return (
    <section aria-labelledby="submit-title" class="narrow">
      <h1 id="submit-title">Submit a claim</h1>
      <form class="card" onSubmit={submit}>
        <Field
          label="Claim"
          hint="The checkable statement, as it was made (up to 2,000 characters)."
        >
          <textarea
            name="text"
            rows={4}
            required
            maxLength={2000}
            value={form.text}
            onInput={set('text')}
          />
        </Field>
        <div class="grid-2">
          <Field label="Claimant" hint="Who made the claim.">
            <input
              name="claimant"
              maxLength={500}
              value={form.claimant}
              onInput={set('claimant')}
            />
          </Field>
          <ClaimantPicker
            me={me}
            text={form.claimant}
            linkedId={form.claimantId || null}
            onLink={(claimant) =>
              setForm({
                ...form,
                claimantId: claimant?.id ?? '',
                // The desk shows the free text; a claimant picked with none fills it in.
                claimant: form.claimant.trim() || !claimant ? form.claimant : claimant.name,
              })
            }
          />
          <Field label="Claimed on">
            <input type="date" name="claimedAt" value={form.claimedAt} onInput={set('claimedAt')} />
          </Field>
          <Field label="Where it appeared (URL)">
            <input
              type="url"
              name="appearanceUrl"
              value={form.appearanceUrl}
              onInput={set('appearanceUrl')}
            />
          </Field>
          <Field label="Priority">
            <select name="priority" value={form.priority} onChange={set('priority')}>
              {PRIORITIES.map((priority) => (
                <option value={priority}>{priority}</option>
              ))}
            </select>
          </Field>
        </div>
        <Field label="Tags" hint="Separated by commas, e.g. ukraine, casualties">
          <input name="tags" value={form.tags} onInput={set('tags')} />
        </Field>
        <Field
          label="Language"
          hint="The language the claim is written in: pick one or type a code such as pt-BR. Empty: the newsroom’s."
        >
          <LanguageInput
            value={form.language}
            placeholder="newsroom default"
            onInput={(language) => setForm({ ...form, language })}
          />
        </Field>
        <CommonLanguages />
        <Alert>{error}</Alert>
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Submitting…' : 'Submit claim'}
        </button>
      </form>
    </section>
  );
}
