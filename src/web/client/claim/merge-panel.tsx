import { mergeSourceRefusal } from '../../../domain/claim-access.js';
import type { Me } from '../session.js';
import { ChangeProblem } from './change-problem.js';
import { Field, inputValue, StatusBadge } from '../ui.js';
import type { Loaded } from './use-claim.js';
import { useMerge } from './use-merge.js';

// "We already have this": an editor folds this claim into the one that stays (SPEC §15).
// Offered only where the service's own rule (domain/claim-access.ts) allows it.
export function MergePanel(props: { me: Me; loaded: Loaded; onChanged: () => Promise<void> }) {
  const { me, loaded } = props;
  const state = useMerge(loaded, props.onChanged);
  if (mergeSourceRefusal(me, loaded.claim)) return null;
  return (
    <section class="card merge" aria-labelledby="merge-title">
      <h2 id="merge-title">Merge a duplicate</h2>
      <p class="muted small">
        Closes this claim as merged and points readers to the claim that stays; its appearance is
        listed on that claim's fact-check.
      </p>
      <form
        class="merge-search"
        role="search"
        aria-label="Find the claim this one duplicates"
        onSubmit={(e) => {
          e.preventDefault();
          void state.find();
        }}
      >
        <Field label="Duplicate of" hint="Words of its text, or its id or link">
          <input
            name="mergeSearch"
            value={state.search}
            onInput={(e) => state.setSearch(inputValue(e))}
          />
        </Field>
        <button type="submit">Find</button>
      </form>
      {state.results ? (
        state.results.length ? (
          <fieldset class="merge-targets">
            <legend>Merge into</legend>
            {state.results.map((claim) => (
              <label class="merge-target">
                <input
                  type="radio"
                  name="mergeTarget"
                  value={claim.id}
                  checked={state.target?.id === claim.id}
                  onChange={() => state.setTarget(claim)}
                />{' '}
                {claim.text} <StatusBadge status={claim.status} />
              </label>
            ))}
          </fieldset>
        ) : (
          <p class="muted small">No other claim matches.</p>
        )
      ) : null}
      <Field label="Why they are the same" hint="Kept on the record of both claims.">
        <textarea
          name="mergeRationale"
          rows={3}
          maxLength={5000}
          value={state.rationale}
          onInput={(e) => state.setRationale(inputValue(e))}
        />
      </Field>
      <button
        type="button"
        class="tone-warn"
        disabled={state.busy || !state.target}
        onClick={() => void state.merge()}
      >
        {state.busy ? 'Merging…' : 'Merge into the selected claim'}
      </button>
      <ChangeProblem error={state.error} stale={state.stale} onReload={props.onChanged} />
    </section>
  );
}
