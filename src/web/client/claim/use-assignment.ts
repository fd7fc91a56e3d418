import { useState } from 'preact/hooks';
import { assignClaim } from '../assign.js';
import { useRequest } from '../use-request.js';
import type { Loaded } from './use-claim.js';

// `datetime-local` speaks the browser's local time without an offset; the API wants RFC 3339.
const toRfc3339 = (local: string) => new Date(local).toISOString();

// Assigning the claim (to me, or to a colleague with a due date) at the loaded version.
export function useAssignment(loaded: Loaded, onChanged: () => Promise<void>) {
  const [assignee, setAssignee] = useState('');
  const [due, setDue] = useState('');
  const { busy, error, stale, send } = useRequest();

  const assign = (assigneeId: string | null, withDue: boolean) =>
    send(async () => {
      await assignClaim(loaded.claim, assigneeId, withDue && due ? toRfc3339(due) : undefined);
      setDue('');
      await onChanged();
    });
  return { assignee, setAssignee, due, setDue, assign, error, stale, busy };
}
