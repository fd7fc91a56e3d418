import { useEffect, useState } from 'preact/hooks';
import { download, get, messageOf, query, saveBlob } from '../api.js';
import { type ChainCheck, parseNdjson, verifyChains } from '../chain.js';
import type { Digest } from '../types.js';

export interface ExportFilters {
  claimId: string;
  from: string;
  to: string;
}

export type ExportFormat = 'ndjson' | 'csv';

// The current digest, loaded once when allowed and again on refresh.
export function useDigest(allowed: boolean, onError: (message: string) => void) {
  const [digest, setDigest] = useState<Digest | null>(null);
  const reload = () =>
    get<Digest>('/audit/digest')
      .then((reply) => setDigest(reply.body))
      .catch((failure) => onError(messageOf(failure)));
  useEffect(() => void (allowed && reload()), []);

  const save = () => {
    if (!digest) return;
    const blob = new Blob([JSON.stringify(digest, null, 2) + '\n'], { type: 'application/json' });
    saveBlob(blob, `claimdesk-digest-${digest.seq ?? 0}.json`);
  };
  return { digest, reload, save };
}

// Downloads an export under the filters; an NDJSON export is checked in the browser before
// the auditor files it: every hash and link recomputed, as `audit:verify` does offline.
export function useAuditExport(onError: (message: string | null) => void) {
  const [filters, setFilters] = useState<ExportFilters>({ claimId: '', from: '', to: '' });
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [result, setResult] = useState<{ name: string; check: ChainCheck | null } | null>(null);

  const params = () => ({
    claimId: filters.claimId.trim(),
    from: filters.from ? new Date(filters.from).toISOString() : '',
    to: filters.to ? new Date(filters.to).toISOString() : '',
  });

  const exportAs = async (format: ExportFormat) => {
    setBusy(format);
    onError(null);
    setResult(null);
    try {
      const file = await download(
        `/audit/export${query({ format, ...params() })}`,
        `claimdesk-audit.${format}`,
      );
      const check = format === 'ndjson' ? await verifyChains(parseNdjson(file.text)) : null;
      setResult({ name: file.name, check });
    } catch (failure) {
      onError(messageOf(failure));
    } finally {
      setBusy(null);
    }
  };

  return { filters, setFilters, busy, result, exportAs };
}
