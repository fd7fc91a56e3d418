import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { href } from '../router.js';
import { useSignal } from '../signal.js';
import type { Claim } from '../types.js';
import { StatusBadge } from '../ui.js';
import { recentDuplicates } from './recent-duplicates.js';

// After a submission the service names claims we may already have (SPEC §15). The claim is
// submitted either way and the reporter lands on it; this says what looks like it, with a
// link to each, so nobody works the same claim twice. An editor merges from there.
export function DuplicateWarning({ claimId }: { claimId: string }) {
  const recent = useSignal(recentDuplicates);
  const duplicates = recent?.claimId === claimId ? recent.duplicates : [];
  const texts = useClaimTexts(duplicates.map((duplicate) => duplicate.id));
  if (!duplicates.length) return null;
  return (
    <section class="alert alert-warn duplicate-warning" aria-labelledby="duplicates-title">
      <h2 id="duplicates-title">We may already have this claim</h2>
      <p>
        It was submitted.{' '}
        {duplicates.length === 1
          ? 'One existing claim reads much like it:'
          : `${duplicates.length} existing claims read much like it:`}
      </p>
      <ul class="duplicates" aria-label="Possible duplicates">
        {duplicates.map((duplicate) => (
          <li>
            <a href={href.claim(duplicate.id)}>{texts[duplicate.id] ?? duplicate.id}</a>{' '}
            <StatusBadge status={duplicate.status} />{' '}
            <span class="muted small">{Math.round(duplicate.similarity * 100)}% similar</span>
          </li>
        ))}
      </ul>
      <button type="button" class="link" onClick={() => recentDuplicates.set(null)}>
        Dismiss
      </button>
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
