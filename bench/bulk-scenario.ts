import type { BenchContext } from './lib/context.js';

// Items per request: the most POST /claims/bulk takes (SPEC §14).
export const BULK_ITEMS = 200;

export interface BulkResult {
  requests: number;
  items: number;
  latencyMs: { p50: number; max: number };
  // Requests not answered 207, plus items not answered 200.
  errors: number;
}

// One editor assigning 200 claims to themselves with a due date, one request at a time,
// each on fresh claims (prepared: submitted by the reporter, version 2). The figure the
// desk relies on: a full bulk request answers in under two seconds.
export async function bulkScenario(ctx: BenchContext, ids: string[]): Promise<BulkResult> {
  const { editor } = ctx.people;
  const durations: number[] = [];
  let errors = 0;
  for (let start = 0; start + BULK_ITEMS <= ids.length; start += BULK_ITEMS) {
    const items = ids.slice(start, start + BULK_ITEMS).map((id) => ({ id, version: 2 }));
    const dueAt = new Date(Date.now() + 6 * 3600_000).toISOString();
    const begun = performance.now();
    const response = await fetch(`${ctx.service.url}/api/v1/claims/bulk`, {
      method: 'POST',
      headers: { authorization: `Bearer ${editor.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ action: 'assign', items, params: { assigneeId: editor.id, dueAt } }),
    });
    const body = (await response.json()) as { results?: { status: number }[] };
    durations.push(performance.now() - begun);
    if (response.status !== 207) errors++;
    errors += (body.results ?? []).filter((result) => result.status !== 200).length;
  }
  durations.sort((a, b) => a - b);
  ctx.log(`bulk: ${durations.length} requests of ${BULK_ITEMS} items`);
  return {
    requests: durations.length,
    items: durations.length * BULK_ITEMS,
    latencyMs: {
      p50: durations[Math.floor(durations.length / 2)] ?? NaN,
      max: durations.at(-1) ?? NaN,
    },
    errors,
  };
}
