import { useEffect, useState } from 'preact/hooks';
import { DECIDED_STATUSES } from '../../../domain/claim-status.js';
import { get, messageOf } from '../api.js';
import type { ClaimantDetail } from '../claimants/types.js';
import { formatDateTime } from '../format.js';
import { href } from '../router.js';
import { label } from '../types.js';
import { Alert, Loading, StatusBadge } from '../ui.js';

// A claimant: who it is, how the claims linked to it were decided, and its latest claims.
export function ClaimantPage({ id }: { id: string }) {
  const [claimant, setClaimant] = useState<ClaimantDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    get<ClaimantDetail>(`/claimants/${encodeURIComponent(id)}`)
      .then((reply) => setClaimant(reply.body))
      .catch((failure) => setError(messageOf(failure)));
  }, [id]);

  if (!claimant) return error ? <Alert>{error}</Alert> : <Loading what="the claimant" />;
  const { trackRecord } = claimant;
  return (
    <article aria-labelledby="claimant-name" class="narrow">
      <h1 id="claimant-name">{claimant.name}</h1>
      <p class="muted">
        {claimant.type}
        {claimant.aliases.length ? ` · also known as ${claimant.aliases.join(', ')}` : ''}
      </p>
      {claimant.description ? <p>{claimant.description}</p> : null}
      {claimant.sameAs.length ? (
        <ul class="plain" aria-label="Same as">
          {claimant.sameAs.map((url) => (
            <li>
              <a href={url} rel="noopener noreferrer" target="_blank">
                {url}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <section class="card" aria-labelledby="track-record">
        <h2 id="track-record">Track record</h2>
        <p>
          {trackRecord.decided === 1 ? '1 decided claim' : `${trackRecord.decided} decided claims`}
        </p>
        <dl class="facts" aria-label="Verdicts">
          {DECIDED_STATUSES.map((status) => (
            <>
              <dt>{label(status)}</dt>
              <dd data-testid={`verdict-${status}`}>{trackRecord.verdicts[status]}</dd>
            </>
          ))}
        </dl>
      </section>
      <section aria-labelledby="claimant-claims">
        <h2 id="claimant-claims">Latest claims</h2>
        {claimant.latestClaims.length === 0 ? (
          <p class="muted">No claims are linked to this claimant yet.</p>
        ) : (
          <ul class="plain" aria-label="Claims by this claimant">
            {claimant.latestClaims.map((claim) => (
              <li key={claim.id}>
                <StatusBadge status={claim.status} />{' '}
                <a href={href.claim(claim.id)}>{claim.text}</a>{' '}
                <span class="muted small">{formatDateTime(claim.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
