import { useState } from 'preact/hooks';
import { post } from '../api.js';
import type { Claim } from '../types.js';
import { useRequest } from '../use-request.js';

export type BulkAction =
  'assign' | 'start_review' | 'set_priority' | 'add_tags' | 'remove_tags' | 'withdraw';

interface BulkResult {
  id: string;
  status: number;
  version?: number;
  problem?: { title: string; detail?: string };
}

export interface Failure {
  id: string;
  text: string;
  message: string;
}

// How each item answer reads in the summary ("18 done, 2 changed by someone else").
const OUTCOMES: Record<number, string> = {
  200: 'done',
  403: 'not allowed',
  404: 'not found',
  409: 'closed',
  412: 'changed by someone else',
  422: 'refused',
};

export function summarise(results: BulkResult[]): string {
  const counts = new Map<string, number>();
  for (const result of results) {
    const outcome = OUTCOMES[result.status] ?? 'failed';
    counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
  }
  return [...counts].map(([outcome, n]) => `${n} ${outcome}`).join(', ');
}

// Runs one bulk action over the ticked claims (at their listed versions) and keeps the
// per-item answers, so the desk can say what happened to each.
export function useBulk(onDone: () => void) {
  const [summary, setSummary] = useState<string | null>(null);
  const [failures, setFailures] = useState<Failure[]>([]);
  const { busy, error, send } = useRequest();

  const run = (action: BulkAction, claims: Claim[], params: Record<string, unknown>) =>
    send(async () => {
      const items = claims.map(({ id, version }) => ({ id, version }));
      const reply = await post<{ results: BulkResult[] }>('/claims/bulk', {
        body: { action, items, params },
        idempotencyKey: crypto.randomUUID(),
      });
      setSummary(summarise(reply.body.results));
      // Named by their text now: the list is about to be read again.
      setFailures(
        reply.body.results
          .filter((result) => result.status !== 200)
          .map((result) => ({
            id: result.id,
            text: claims.find((claim) => claim.id === result.id)?.text ?? result.id,
            message: result.problem?.detail ?? result.problem?.title ?? `${result.status}`,
          })),
      );
      onDone();
    });
  return { run, busy, summary, failures, error };
}
