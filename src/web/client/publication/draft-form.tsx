import {
  CLAIM_REVIEWED_MAX,
  CLAIMANT_TYPES,
  type ClaimantType,
  HEADLINE_MAX,
  SUMMARY_MAX,
} from '../../../domain/publication.js';
import { evidenceOf, type Claim } from '../types.js';
import { characterCount } from '../format.js';
import { Field, inputValue } from '../ui.js';
import type { DraftFields } from './use-publication.js';

const Counter = ({ text, max }: { text: string; max: number }) => (
  <span class={`counter${characterCount(text) > max ? ' over' : ''}`} aria-live="polite">
    {characterCount(text)}/{max}
  </span>
);

// The public fact-check's text: headline, the claim as readers see it, the public summary
// (never the internal rationale), who made the claim, and which evidence to cite.
export function DraftForm(props: {
  claim: Claim;
  fields: DraftFields;
  onChange: (fields: DraftFields) => void;
}) {
  const { fields, onChange } = props;
  const set = (patch: Partial<DraftFields>) => onChange({ ...fields, ...patch });
  const evidence = evidenceOf(props.claim);
  const toggle = (id: string, on: boolean) =>
    set({
      citedSourceIds: on
        ? [...fields.citedSourceIds, id]
        : fields.citedSourceIds.filter((cited) => cited !== id),
    });
  return (
    <div class="draft-form">
      <Field label="Headline" hint="Up to 110 characters.">
        <input
          name="headline"
          value={fields.headline}
          onInput={(e) => set({ headline: inputValue(e) })}
        />
      </Field>
      <Counter text={fields.headline} max={HEADLINE_MAX} />
      <Field label="Claim as readers see it" hint="Up to 140 characters.">
        <textarea
          name="claimReviewed"
          rows={2}
          value={fields.claimReviewed}
          onInput={(e) => set({ claimReviewed: inputValue(e) })}
        />
      </Field>
      <Counter text={fields.claimReviewed} max={CLAIM_REVIEWED_MAX} />
      <Field
        label="Public summary"
        hint="What readers read. The internal rationale is never published."
      >
        <textarea
          name="summary"
          rows={6}
          value={fields.summary}
          onInput={(e) => set({ summary: inputValue(e) })}
        />
      </Field>
      <Counter text={fields.summary} max={SUMMARY_MAX} />
      {props.claim.claimantId ? (
        <p class="muted small" data-testid="author-from-claimant">
          The ClaimReview names the linked claimant, with its own type and sameAs.
        </p>
      ) : props.claim.claimant ? (
        <Field label="Claimant is a" hint={props.claim.claimant}>
          <select
            name="claimantType"
            value={fields.claimantType}
            onChange={(e) => set({ claimantType: inputValue(e) as ClaimantType })}
          >
            <option value="">choose…</option>
            {CLAIMANT_TYPES.map((type) => (
              <option value={type}>{type === 'Person' ? 'Person' : 'Organization'}</option>
            ))}
          </select>
        </Field>
      ) : null}
      {evidence.length ? (
        <fieldset class="cited">
          <legend>Sources to cite</legend>
          {evidence.map(({ source }) => (
            <label class="check">
              <input
                type="checkbox"
                checked={fields.citedSourceIds.includes(source.id)}
                onChange={(e) => toggle(source.id, (e.currentTarget as HTMLInputElement).checked)}
              />{' '}
              {source.title}
            </label>
          ))}
        </fieldset>
      ) : null}
    </div>
  );
}
