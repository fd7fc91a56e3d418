import { useState } from 'preact/hooks';
import { ApiError, messageOf } from '../api.js';
import { assignClaim } from '../assign.js';
import type { Loaded } from './use-claim.js';

// `datetime-local` speaks the browser's local time without an offset; the API wants RFC 3339.
const toRfc3339 = (local: string) => new Date(local).toISOString();

// Assigning the claim (to me, or to a colleague with a due date) at the loaded version.
export function useAssignment(loaded: Loaded, onChanged: () => Promise<void>) {
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);

  const assign = async (assigneeId: string | null, withDue: boolean) => {
    setBusy(true);
    setError(null);
    setStale(false);
    try {
      await assignClaim(loaded.claim, assigneeId, withDue && due ? toRfc3339(due) : undefined);
      setDue('');
      await onChanged();
    } catch (failure) {
      setStale(failure instanceof ApiError && failure.status === 412);
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };
  return { assignee, setAssignee, due, setDue, assign, error, stale, busy };
}
