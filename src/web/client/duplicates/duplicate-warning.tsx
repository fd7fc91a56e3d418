import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { href } from '../router.js';
import type { Claim, PossibleDuplicate } from '../types.js';
import { StatusBadge } from '../ui.js';

// After a submission the service names claims we may already have (SPEC §15). The claim is
// submitted either way; this says so, and links to each candidate so the reporter can look
// before anyone works the new one twice. An editor merges from the claim page.
export function DuplicateWarning(props: {
  submitted: Claim;
  duplicates: PossibleDuplicate[];
  onAnother: () => void;
}) {
  const texts = useClaimTexts(props.duplicates.map((duplicate) => duplicate.id));
  return (
    <section class="card duplicate-warning" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">We may already have this claim</h2>
      <p>
        Your claim was submitted.{' '}
        {props.duplicates.length === 1
          ? 'One existing claim reads much like it:'
          : `${props.duplicates.length} existing claims read much like it:`}
      </p>
      <ul class="duplicates" aria-label="Possible duplicates">
        {props.duplicates.map((duplicate) => (
          <li>
            <a href={href.claim(duplicate.id)}>{texts[duplicate.id] ?? duplicate.id}</a>{' '}
            <StatusBadge status={duplicate.status} />{' '}
            <span class="muted small">{Math.round(duplicate.similarity * 100)}% similar</span>
          </li>
        ))}
      </ul>
      <div class="buttons">
        <a class="button primary" href={href.claim(props.submitted.id)}>
          Open the claim you submitted
        </a>
        <button type="button" onClick={props.onAnother}>
          Submit another claim
        </button>
      </div>
    </section>
  );
}

// The candidates' texts, read one by one (at most five); a link shows the id until then.
function useClaimTexts(ids: string[]): Record<string, string> {
  const [texts, setTexts] = useState<Record<string, string>>({});
  useEffect(() => {
    let current = true;
    for (const id of ids) {
      get<Claim>(`/claims/${encodeURIComponent(id)}`)
        .then((reply) => current && setTexts((known) => ({ ...known, [id]: reply.body.text })))
        .catch(() => undefined);
    }
    return () => {
      current = false;
    };
  }, [ids.join()]);
  return texts;
}
