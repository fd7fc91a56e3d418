import { formatDateTime } from '../format.js';
import type { Digest } from '../types.js';

export function DigestCard(props: {
  digest: Digest | null;
  onRefresh: () => void;
  onSave: () => void;
}) {
  const { digest } = props;
  return (
    <div class="card">
      <div class="card-head">
        <h2>Current digest</h2>
        <button type="button" class="link" onClick={props.onRefresh}>
          Refresh
        </button>
      </div>
      {digest ? (
        <>
          <dl class="facts digest" data-testid="digest">
            <dt>As of</dt>
            <dd>{formatDateTime(digest.asOf)}</dd>
            <dt>Last event</dt>
            <dd>{digest.seq ?? '—'}</dd>
            <dt>Chains</dt>
            <dd>
              {digest.chains.length}{' '}
              <details class="heads">
                <summary class="small">chain heads</summary>
                <ul class="small hash">
                  {digest.chains.map((chain) => (
                    <li>
                      {chain.chain}: {chain.head} (seq {chain.seq})
                    </li>
                  ))}
                </ul>
              </details>
            </dd>
            <dt>Root</dt>
            <dd class="hash">{digest.root}</dd>
            <dt>Signature</dt>
            <dd class="hash">{digest.signature ?? <span class="muted">not signed</span>}</dd>
          </dl>
          <button type="button" onClick={props.onSave}>
            Download digest
          </button>
        </>
      ) : null}
    </div>
  );
}
