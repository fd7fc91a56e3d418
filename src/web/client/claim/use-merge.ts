import { useState } from 'preact/hooks';
import { get, messageOf, post, query } from '../api.js';
import type { Claim, Page } from '../types.js';
import { useRequest } from '../use-request.js';
import type { Loaded } from './use-claim.js';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

// Picking the claim to merge into and merging at the loaded version. The editor finds the
// target by words of its text, or pastes its id or desk link.
export function useMerge(loaded: Loaded, onChanged: () => Promise<void>) {
  const [search, setSearch] = useState('');
  const [results, setResults] = useState<Claim[] | null>(null);
  const [target, setTarget] = useState<Claim | null>(null);
  const [rationale, setRationale] = useState('');
  const { busy, error, setError, stale, send } = useRequest();

  const find = async () => {
    setError(null);
    setTarget(null);
    try {
      const id = UUID.exec(search)?.[0];
      const found = id
        ? [(await get<Claim>(`/claims/${id.toLowerCase()}`)).body]
        : (await get<Page<Claim>>(`/claims${query({ q: search.trim(), limit: 8 })}`)).body.items;
      setResults(found.filter((claim) => claim.id !== loaded.claim.id));
    } catch (failure) {
      setResults(null);
      setError(messageOf(failure));
    }
  };

  const merge = () => {
    if (!target) return setError('Pick the claim this one duplicates.');
    if (!rationale.trim()) return setError('Write why these are the same claim.');
    return send(async () => {
      await post<Claim>(`/claims/${loaded.claim.id}/merge`, {
        body: { intoId: target.id, rationale: rationale.trim() },
        ifMatch: loaded.etag,
      });
      setRationale('');
      await onChanged();
    });
  };

  return {
    search,
    setSearch,
    results,
    find,
    target,
    setTarget,
    rationale,
    setRationale,
    merge,
    error,
    stale,
    busy,
  };
}
