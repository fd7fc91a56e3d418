import { useEffect, useState } from 'preact/hooks';
import { download, get, messageOf, query, saveBlob } from '../api.js';
import { type ChainCheck, parseNdjson, verifyChains } from '../chain.js';
import { formatDateTime } from '../format.js';
import { can, type Me } from '../session.js';
import type { Digest } from '../types.js';
import { Alert, Field, inputValue } from '../ui.js';

// Exports and the digest. An NDJSON export is checked here before the auditor files it:
// every hash and link recomputed in the browser, as `audit:verify` does offline.
export function AuditPage({ me }: { me: Me }) {
  const [filters, setFilters] = useState({ claimId: '', from: '', to: '' });
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ name: string; check: ChainCheck | null } | null>(null);
  const [digest, setDigest] = useState<Digest | null>(null);

  const loadDigest = () =>
    get<Digest>('/audit/digest')
      .then((reply) => setDigest(reply.body))
      .catch((failure) => setError(messageOf(failure)));
  useEffect(() => void (can.audit(me) && loadDigest()), []);

  if (!can.audit(me)) return <Alert>The audit log is for auditors and admins.</Alert>;

  const params = () => ({
    claimId: filters.claimId.trim(),
    from: filters.from ? new Date(filters.from).toISOString() : '',
    to: filters.to ? new Date(filters.to).toISOString() : '',
  });

  const exportAs = async (format: 'ndjson' | 'csv') => {
    setBusy(format);
    setError(null);
    setResult(null);
    try {
      const file = await download(
        `/audit/export${query({ format, ...params() })}`,
        `claimdesk-audit.${format}`,
      );
      const check = format === 'ndjson' ? await verifyChains(parseNdjson(file.text)) : null;
      setResult({ name: file.name, check });
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  };

  const saveDigest = () => {
    if (!digest) return;
    const blob = new Blob([JSON.stringify(digest, null, 2) + '\n'], { type: 'application/json' });
    saveBlob(blob, `claimdesk-digest-${digest.seq ?? 0}.json`);
  };

  const set = (field: keyof typeof filters) => (event: Event) =>
    setFilters({ ...filters, [field]: inputValue(event) });

  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit</h1>
      <div class="claim-grid">
        <div class="card">
          <h2>Export the history</h2>
          <p class="muted small">
            Every event, hash-chained per claim. Leave the filters empty for the full history.
          </p>
          <div class="grid-3">
            <Field label="Claim id">
              <input name="claimId" value={filters.claimId} onInput={set('claimId')} />
            </Field>
            <Field label="From">
              <input type="datetime-local" name="from" value={filters.from} onInput={set('from')} />
            </Field>
            <Field label="To">
              <input type="datetime-local" name="to" value={filters.to} onInput={set('to')} />
            </Field>
          </div>
          <div class="buttons">
            <button
              type="button"
              class="primary"
              disabled={!!busy}
              onClick={() => exportAs('ndjson')}
            >
              {busy === 'ndjson' ? 'Exporting…' : 'Download NDJSON'}
            </button>
            <button type="button" disabled={!!busy} onClick={() => exportAs('csv')}>
              {busy === 'csv' ? 'Exporting…' : 'Download CSV'}
            </button>
          </div>
          <Alert>{error}</Alert>
          {result ? <ExportResult name={result.name} check={result.check} /> : null}
        </div>
        <div class="card">
          <div class="card-head">
            <h2>Current digest</h2>
            <button type="button" class="link" onClick={loadDigest}>
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
              <button type="button" onClick={saveDigest}>
                Download digest
              </button>
            </>
          ) : null}
        </div>
      </div>
    </section>
  );
}

function ExportResult({ name, check }: { name: string; check: ChainCheck | null }) {
  if (!check) {
    return (
      <p class="alert alert-ok" role="status">
        Saved {name}.
      </p>
    );
  }
  if (check.state === 'verified') {
    return (
      <p class="alert alert-ok" role="status" data-testid="export-check">
        Saved {name}: {check.events} events in {check.chains} chains, every hash and link verified.
      </p>
    );
  }
  const reason = check.state === 'broken' ? `event ${check.eventId} ${check.reason}` : check.reason;
  return (
    <p class="alert alert-error" role="alert" data-testid="export-check">
      Saved {name}, but it does not verify: {reason}.
    </p>
  );
}
