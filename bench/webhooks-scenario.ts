import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BenchContext } from './lib/context.js';
import { idsFile, measure, Measured } from './scenarios.js';

// SPEC §13 under load: decisions with three active webhook subscriptions (a receiver on
// loopback answering 200) against decisions with none, on the same service, and how long
// an event took from its audit record to the receiver.
export interface WebhooksResult {
  without: Measured;
  with: Measured;
  // decisions/s with three subscriptions ÷ without.
  ratio: number;
  delivered: number;
  lagMs: { p50: number; p99: number; max: number };
}

const SUBSCRIPTIONS = [['claim.transitioned'], ['claim.*'], ['*']];
// Deliveries are done once none has arrived for this long.
const QUIET_MS = 3000;
const DRAIN_LIMIT_MS = 180_000;

export async function webhooksScenario(
  ctx: BenchContext,
  adminToken: string,
  withoutIds: string[],
  withIds: string[],
): Promise<WebhooksResult> {
  const decide = (ids: string[]) => ({
    kind: 'decide' as const,
    token: ctx.people.editor.token,
    startVersion: 2,
    idsFile: idsFile(ids),
  });
  const without = await measure(ctx, ctx.service, decide(withoutIds), false);

  const lags: number[] = [];
  let lastArrival = Date.now();
  const receiver = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const arrived = Date.now();
      lastArrival = arrived;
      const event = (
        JSON.parse(Buffer.concat(chunks).toString()) as { data: { event?: { at: string } } }
      ).data.event;
      if (event) lags.push(arrived - Date.parse(event.at));
      response.writeHead(200).end();
    });
  });
  receiver.listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const ids: string[] = [];
  try {
    for (const events of SUBSCRIPTIONS) {
      ids.push(await call(ctx, adminToken, 'POST', '/api/v1/webhooks', { url, events }));
    }
    const withHooks = await measure(ctx, ctx.service, decide(withIds), false);
    const drainStarted = Date.now();
    // Deliveries may lag the load: the quiet period counts from its end at the earliest.
    lastArrival = Math.max(lastArrival, drainStarted);
    while (Date.now() - lastArrival < QUIET_MS && Date.now() - drainStarted < DRAIN_LIMIT_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const sorted = lags.sort((a, b) => a - b);
    const at = (share: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
    const result = {
      without,
      with: withHooks,
      ratio: withHooks.requestsPerSecond / without.requestsPerSecond,
      delivered: sorted.length,
      lagMs: { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 },
    };
    ctx.log(
      `webhooks: ${result.delivered} deliveries, lag p50 ${result.lagMs.p50} ms, ` +
        `p99 ${result.lagMs.p99} ms; decide with 3 subscriptions ÷ without ${result.ratio.toFixed(2)}`,
    );
    return result;
  } finally {
    for (const id of ids) await call(ctx, adminToken, 'DELETE', `/api/v1/webhooks/${id}`);
    receiver.closeAllConnections();
    receiver.close();
  }
}

async function call(
  ctx: BenchContext,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<string> {
  const response = await fetch(`${ctx.service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}`);
  return response.status === 204 ? '' : ((await response.json()) as { id: string }).id;
}
