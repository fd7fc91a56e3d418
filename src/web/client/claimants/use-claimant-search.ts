import { useEffect, useState } from 'preact/hooks';
import { get, query } from '../api.js';
import type { Claimant } from './types.js';

// Claimants whose name or alias is like `text` (trigram search, typo-tolerant), asked a
// moment after the typing stops so each keystroke does not send a request.
export function useClaimantSearch(text: string, limit = 5): Claimant[] {
  const [found, setFound] = useState<Claimant[]>([]);
  const q = text.trim();
  useEffect(() => {
    if (q.length < 2) {
      setFound([]);
      return;
    }
    let current = true;
    const timer = setTimeout(() => {
      get<{ items: Claimant[] }>(`/claimants${query({ q, limit })}`)
        .then((reply) => current && setFound(reply.body.items))
        .catch(() => current && setFound([]));
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, limit]);
  return found;
}

// One claimant, for showing a link by name (null while loading or unknown).
export function useClaimant(id: string | null): Claimant | null {
  const [claimant, setClaimant] = useState<Claimant | null>(null);
  useEffect(() => {
    setClaimant(null);
    if (!id) return;
    let current = true;
    get<Claimant>(`/claimants/${encodeURIComponent(id)}`)
      .then((reply) => current && setClaimant(reply.body))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [id]);
  return claimant;
}
