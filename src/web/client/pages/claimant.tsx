import { useEffect, useState } from 'preact/hooks';
import { DECIDED_STATUSES } from '../../../domain/claim-status.js';
import { CLAIMANT_LATEST_CLAIMS } from '../../../domain/claimants.js';
import { get, messageOf, query } from '../api.js';
import type { ClaimantDetail } from '../claimants/types.js';
import { countOf, formatDateTime } from '../format.js';
import { href } from '../router.js';
import { type Claim, label, type Page } from '../types.js';
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

  const claims = useClaimsOf(id, claimant?.latestClaims ?? null);

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
        <p>{countOf(trackRecord.decided, 'decided claim')}</p>
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
        {claims.items.length === 0 ? (
          <p class="muted">No claims are linked to this claimant yet.</p>
        ) : (
          <ul class="plain" aria-label="Claims by this claimant">
            {claims.items.map((claim) => (
              <li key={claim.id}>
                <StatusBadge status={claim.status} />{' '}
                <a href={href.claim(claim.id)}>{claim.text}</a>{' '}
                <span class="muted small">{formatDateTime(claim.createdAt)}</span>
              </li>
            ))}
          </ul>
        )}
        {claims.more ? (
          <button type="button" onClick={() => void claims.more!()}>
            More claims
          </button>
        ) : null}
      </section>
    </article>
  );
}

// The claimant's claims, newest first: the latest ones come with the claimant; more are
// paged from GET /claims?claimantId= (the same order).
function useClaimsOf(claimantId: string, latest: Claim[] | null) {
  const [items, setItems] = useState<Claim[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (latest) setItems(latest);
  }, [latest]);
  const load = async () => {
    const reply = await get<Page<Claim>>(
      `/claims${query({ claimantId, limit: 50, cursor: started ? cursor : null })}`,
    );
    // The first page repeats the latest claims already shown.
    setItems((shown) => (started ? [...shown, ...reply.body.items] : reply.body.items));
    setCursor(reply.body.nextCursor);
    setStarted(true);
  };
  const hasMore =
    latest !== null && (started ? cursor !== null : latest.length >= CLAIMANT_LATEST_CLAIMS);
  return { items, more: hasMore ? load : null };
}
