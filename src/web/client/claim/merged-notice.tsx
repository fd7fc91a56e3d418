import { useEffect, useState } from 'preact/hooks';
import { get } from '../api.js';
import { href } from '../router.js';
import type { Claim } from '../types.js';

// A merged claim says where its story continues: the claim it was merged into.
export function MergedNotice({ claim }: { claim: Claim }) {
  const [target, setTarget] = useState<Claim | null>(null);
  const into = claim.mergedInto;
  useEffect(() => {
    setTarget(null);
    if (!into) return;
    get<Claim>(`/claims/${encodeURIComponent(into)}`)
      .then((reply) => setTarget(reply.body))
      .catch(() => undefined);
  }, [into]);
  if (claim.status !== 'merged' || !into) return null;
  return (
    <p class="alert alert-info merged-notice" role="status">
      This claim was merged into{' '}
      <a href={href.claim(into)}>{target ? `“${target.text}”` : 'another claim'}</a>, which carries
      on its review.
    </p>
  );
}
