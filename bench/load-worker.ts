// The load generator, run as a process of its own (SPEC §9): it shares the machine with
// the servers, so it reports its own CPU time beside the figures. Input: a LoadSpec in the
// JSON file named by argv[2]; output: one LoadResult as JSON on stdout.
import { readFileSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import autocannon from 'autocannon';
import { claimTexts } from './lib/claim-texts.js';
import type { LoadResult, LoadSpec } from './lib/load.js';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8')) as LoadSpec;
const auth = { authorization: `Bearer ${spec.token}`, 'content-type': 'application/json' };

let exhausted = false;
// decide: transitions answered 2xx and when the last one came, so that the health checks
// sent after the prepared claims ran out do not count as throughput.
let transitions = 0;
let lastTransitionAt = 0;
const countTransition = (status: number, _body: string, context: { id?: string }) => {
  if (!context.id) return; // a health check after the claims ran out
  if (status >= 200 && status < 300) transitions++;
  lastTransitionAt = Date.now();
};
// Once the prepared claims run out the run stops; the remaining requests are cheap
// health checks and the result says so.
const exhaust = (request: autocannon.Request) => {
  // Deferred: the first requests are built while autocannon is still being set up.
  if (!exhausted) setImmediate(() => instance.stop());
  exhausted = true;
  return { ...request, method: 'GET' as const, path: '/health', body: undefined };
};

function requestsFor(): autocannon.Request[] {
  switch (spec.kind) {
    case 'submit': {
      // Each load its own seed: texts of one kind, never the ones an earlier turn (on the
      // same database, perhaps) already submitted.
      const nextText = claimTexts(randomInt(2 ** 31));
      return [
        {
          method: 'POST',
          path: `/api/v1/claims${spec.query ?? ''}`,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              text: nextText(),
              claimant: "Ukraine's State Emergency Service",
              tags: ['bench', 'casualties'],
              priority: 'normal',
            }),
          }),
        },
      ];
    }
    case 'queue':
      return [{ method: 'GET', path: `/api/v1/review-queue?limit=50` }];
    case 'pages': {
      const cursors = spec.cursors!;
      let next = 0;
      return [
        {
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: `/api/v1/claims?status=in_review&limit=50&cursor=${cursors[next++ % cursors.length]}`,
          }),
        },
      ];
    }
    case 'decide': {
      // Each connection takes the next prepared claim, starts its review, then verifies it.
      const ids = readFileSync(spec.idsFile!, 'utf8').split('\n').filter(Boolean);
      if (ids.length === 0) throw new Error(`no prepared claims in ${spec.idsFile}`);
      const version = spec.startVersion ?? 1;
      let next = 0;
      return [
        {
          method: 'POST',
          setupRequest: (request, context: { id?: string }) => {
            if (next >= ids.length) return exhaust(request);
            context.id = ids[next++];
            return {
              ...request,
              path: `/api/v1/claims/${context.id}/transitions`,
              headers: { ...auth, 'if-match': `"${version}"` },
              body: JSON.stringify({ to: 'in_review' }),
            };
          },
          onResponse: countTransition,
        },
        {
          method: 'POST',
          setupRequest: (request, context: { id?: string }) => {
            if (!context.id) return exhaust(request);
            return {
              ...request,
              path: `/api/v1/claims/${context.id}/transitions`,
              headers: { ...auth, 'if-match': `"${version + 1}"` },
              body: JSON.stringify({
                to: 'verified',
                rationale: 'The ministry statement and the dataset agree on the figure.',
              }),
            };
          },
          onResponse: countTransition,
        },
      ];
    }
  }
}

// Latencies of the 2xx answers, in milliseconds as measured (autocannon's own histogram
// keeps whole milliseconds, too coarse for answers of 2-3 ms: a p50 of 2 against 3 reads
// as 1.5x). Health checks after the prepared claims ran out are not counted.
const latencies: number[] = [];
// 2xx answers in each whole second since the load began.
const perSecond: number[] = [];
// The nearest-rank percentile of what was recorded.
function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)];
}
const round = (ms: number) => Math.round(ms * 1000) / 1000;

const cpuBefore = process.cpuUsage();
const startedAt = Date.now();
const instance = autocannon(
  {
    url: spec.url,
    connections: spec.connections,
    duration: spec.durationS,
    headers: auth,
    requests: requestsFor(),
    timeout: 30,
  },
  (error, result) => {
    if (error) throw error;
    const cpu = process.cpuUsage(cpuBefore);
    const output: LoadResult = {
      ...(exhausted
        ? {
            requestsPerSecond: transitions / ((lastTransitionAt - startedAt) / 1000),
            totalRequests: transitions,
            durationS: (lastTransitionAt - startedAt) / 1000,
          }
        : {
            requestsPerSecond: result.requests.average,
            totalRequests: result.requests.total,
            durationS: result.duration,
          }),
      latencyMs: latencyFigures(),
      errors: result.errors + result.timeouts + result.non2xx,
      statusCodes: Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([code, { count }]) => [code, count ?? 0]),
      ),
      exhausted,
      loadCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      perSecond: Array.from(perSecond, (count) => count ?? 0),
    };
    process.stdout.write(JSON.stringify(output));
  },
);
instance.on('response', (_client, statusCode: number, _bytes, responseTime: number) => {
  if (!exhausted && statusCode >= 200 && statusCode < 300) {
    latencies.push(responseTime);
    const second = Math.floor((Date.now() - startedAt) / 1000);
    perSecond[second] = (perSecond[second] ?? 0) + 1;
  }
});

function latencyFigures(): LoadResult['latencyMs'] {
  const sorted = Float64Array.from(latencies).sort();
  return {
    p50: round(percentile(sorted, 0.5)),
    p99: round(percentile(sorted, 0.99)),
    max: round(percentile(sorted, 1)),
  };
}
