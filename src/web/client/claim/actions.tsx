import { useState } from 'preact/hooks';
import { ApiError, messageOf, post } from '../api.js';
import type { Me } from '../session.js';
import type { Claim } from '../types.js';
import type { Loaded } from './use-claim.js';
import { ChangeProblem } from './change-problem.js';
import { Field, inputValue } from '../ui.js';
import { blockedByFourEyes, type Move, movesFor } from '../workflow.js';

// The transitions this person may take, with one rationale field. The request carries
// If-Match from the ETag the page was loaded with: if someone else changed the claim
// since, the service answers 412 and the editor's rationale stays where it is.
export function ActionsPanel(props: {
  me: Me;
  loaded: Loaded;
  onChanged: () => Promise<void>;
  onReload: () => Promise<void>;
}) {
  const { me, loaded } = props;
  const [rationale, setRationale] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState<Move | null>(null);
  const moves = movesFor(me, loaded.claim);

  const take = async (move: Move) => {
    if (move.needsRationale && !rationale.trim()) {
      setError(`Write a rationale to ${move.label.toLowerCase()} this claim.`);
      return;
    }
    setBusy(move);
    setError(null);
    setStale(false);
    try {
      const body = rationale.trim()
        ? { to: move.to, rationale: rationale.trim() }
        : { to: move.to };
      await post<Claim>(`/claims/${loaded.claim.id}/transitions`, { body, ifMatch: loaded.etag });
      setRationale('');
      await props.onChanged();
    } catch (failure) {
      setStale(failure instanceof ApiError && failure.status === 412);
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  };

  const reload = async () => {
    await props.onReload();
    setStale(false);
    setError(null);
  };

  if (!moves.length && !blockedByFourEyes(me, loaded.claim)) return null;
  return (
    <section class="card actions" aria-labelledby="actions-title">
      <h2 id="actions-title">Decision</h2>
      {blockedByFourEyes(me, loaded.claim) ? (
        <p class="muted small">You submitted this claim: another editor reviews and decides it.</p>
      ) : null}
      {moves.length ? (
        <>
          <Field label="Rationale" hint="Kept on the record with the decision.">
            <textarea
              name="rationale"
              rows={4}
              maxLength={5000}
              value={rationale}
              onInput={(e) => setRationale(inputValue(e))}
            />
          </Field>
          <div class="buttons">
            {moves.map((move) => (
              <button
                type="button"
                class={`tone-${move.tone}`}
                disabled={busy !== null}
                onClick={() => take(move)}
              >
                {busy === move ? `${move.label}…` : move.label}
              </button>
            ))}
          </div>
        </>
      ) : null}
      <ChangeProblem error={error} stale={stale} onReload={reload} />
    </section>
  );
}
