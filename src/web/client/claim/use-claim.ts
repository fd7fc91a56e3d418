import { useEffect, useState } from 'preact/hooks';
import { get, messageOf } from '../api.js';
import type { Claim } from '../types.js';

// A claim as loaded, with the ETag its changes must carry as If-Match.
export interface Loaded {
  claim: Claim;
  etag: string;
}

// Loads a claim and reloads it on demand; `revision` is bumped after every load (and by
// `touch`, for changes that leave the claim's version alone), so the history and
// evidence re-read the record.
export function useClaim(id: string) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [revision, setRevision] = useState(0);

  const reload = async () => {
    try {
      const reply = await get<Claim>(`/claims/${encodeURIComponent(id)}`);
      setLoaded({ claim: reply.body, etag: reply.etag ?? `"${reply.body.version}"` });
      setError(null);
      setRevision((n) => n + 1);
    } catch (failure) {
      setError(messageOf(failure));
    }
  };
  useEffect(() => void reload(), [id]);

  const touch = () => setRevision((n) => n + 1);
  return { loaded, error, revision, reload, touch };
}
