import { useState } from 'preact/hooks';
import { DigestCard } from '../audit/digest-card.js';
import { type ExportFilters, useAuditExport, useDigest } from '../audit/use-audit.js';
import type { ChainCheck } from '../chain.js';
import { can, type Me } from '../session.js';
import { Alert, Field, inputValue } from '../ui.js';

// Exports and the digest. An NDJSON export is checked here before the auditor files it:
// every hash and link recomputed in the browser, as `audit:verify` does offline.
export function AuditPage({ me }: { me: Me }) {
  const [error, setError] = useState<string | null>(null);
  const exporter = useAuditExport(setError);
  const digest = useDigest(can.audit(me), setError);

  if (!can.audit(me)) return <Alert>The audit log is for auditors and admins.</Alert>;

  const { filters, busy, result, exportAs } = exporter;
  const set = (field: keyof ExportFilters) => (event: Event) =>
    exporter.setFilters({ ...filters, [field]: inputValue(event) });

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
        <DigestCard digest={digest.digest} onRefresh={digest.reload} onSave={digest.save} />
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
