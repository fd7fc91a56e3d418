import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectAuditEvents } from '../src/audit/audit-query.js';
import type { BenchContext } from './lib/context.js';
import { download, psqlCopy, Transfer } from './lib/export-download.js';
import { LoadResult, LoadSpec, runLoad } from './lib/load.js';
import { backendCpu, backendCpuBetween } from './lib/backends.js';
import { checkpoint, settle, withClient } from './lib/postgres.js';
import { sampleProcess, ServerProcess, watchRss } from './lib/processes.js';
import { createPeople, seedClaims } from './lib/seed.js';

export interface Measured extends LoadResult {
  // CPU time the server process spent during the run.
  serverCpuMs: number;
  // CPU time of the PostgreSQL backends serving it during the run, from /proc/<pid>/stat
  // (null when PostgreSQL runs elsewhere).
  pgCpuMs: number | null;
}

type Spec = Omit<LoadSpec, 'url' | 'durationS' | 'connections'> &
  Partial<LoadSpec> & {
    // What the warm-up changes; decide warms up on claims of its own, since each prepared
    // claim takes one start-review and one verify.
    warmup?: Partial<LoadSpec>;
  };

export async function measure(
  ctx: BenchContext,
  server: ServerProcess,
  { warmup: warmupChanges, ...spec }: Spec,
  warmup = true,
): Promise<Measured> {
  const full: LoadSpec = {
    url: server.url,
    durationS: ctx.sizes.loadSeconds,
    connections: ctx.sizes.connections,
    ...spec,
  };
  const canWarmUp = spec.kind !== 'decide' || warmupChanges?.idsFile !== undefined;
  if (warmup && canWarmUp && ctx.sizes.warmupSeconds > 0) {
    await runLoad({ ...full, ...warmupChanges, durationS: ctx.sizes.warmupSeconds });
  }
  await checkpoint(ctx.ownerUrl);
  const pgBefore = await backendCpu(ctx.ownerUrl, server.backends);
  const cpuBefore = sampleProcess(server.pid).cpuMs;
  const result = await runLoad(full);
  const serverCpuMs = sampleProcess(server.pid).cpuMs - cpuBefore;
  const pgCpuMs = backendCpuBetween(pgBefore, await backendCpu(ctx.ownerUrl, server.backends));
  const perRequest = (ms: number | null) =>
    ms === null || !result.totalRequests ? '-' : (ms / result.totalRequests).toFixed(2);
  ctx.log(
    `${spec.kind} on ${server.name}: ${result.requestsPerSecond.toFixed(0)} req/s, ` +
      `p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, ${result.errors} errors, ` +
      `CPU ms/request: server ${perRequest(serverCpuMs)}, PostgreSQL ${perRequest(pgCpuMs)}, ` +
      `load ${perRequest(result.loadCpuMs)}; each second ${result.perSecond.join(' ')}` +
      (result.exhausted ? ' (prepared claims ran out)' : ''),
  );
  return { ...result, serverCpuMs, pgCpuMs };
}

const idsFiles: string[] = [];

export function idsFile(ids: string[]): string {
  const file = join(tmpdir(), `claimdesk-ids-${randomBytes(4).toString('hex')}.txt`);
  writeFileSync(file, ids.join('\n'));
  idsFiles.push(file);
  return file;
}

export function removeIdsFiles(): void {
  for (const file of idsFiles.splice(0)) rmSync(file, { force: true });
}

// The service against both baselines of SPEC §9 under the same load.
export interface Comparison {
  service: Measured;
  sameSchema: Measured;
  lean: Measured;
  // service ÷ same-schema baseline: what the service's code costs.
  ratio: number;
  // service ÷ lean baseline.
  leanRatio: number;
  // same-schema ÷ lean baseline: what the schema costs.
  schemaRatio: number;
  // submit only: the same-schema baseline also running the service's duplicate lookup
  // (SPEC §15) as the service does, and service ÷ that.
  sameSchemaWithLookup?: Measured;
  lookupRatio?: number;
}

// Two runs of one load merged: totals add up, latency percentiles are averaged weighted by
// requests (autocannon gives percentiles, not histograms).
function merge(a: Measured, b: Measured): Measured {
  const total = a.totalRequests + b.totalRequests;
  const weighted = (x: number, y: number) =>
    total ? (x * a.totalRequests + y * b.totalRequests) / total : 0;
  const statusCodes = { ...a.statusCodes };
  for (const [code, count] of Object.entries(b.statusCodes)) {
    statusCodes[code] = (statusCodes[code] ?? 0) + count;
  }
  const durationS = a.durationS + b.durationS;
  return {
    requestsPerSecond: total / durationS,
    totalRequests: total,
    durationS,
    latencyMs: {
      p50: weighted(a.latencyMs.p50, b.latencyMs.p50),
      p99: weighted(a.latencyMs.p99, b.latencyMs.p99),
      max: Math.max(a.latencyMs.max, b.latencyMs.max),
    },
    errors: a.errors + b.errors,
    statusCodes,
    exhausted: a.exhausted || b.exhausted,
    loadCpuMs: a.loadCpuMs + b.loadCpuMs,
    serverCpuMs: a.serverCpuMs + b.serverCpuMs,
    pgCpuMs: a.pgCpuMs === null || b.pgCpuMs === null ? null : a.pgCpuMs + b.pgCpuMs,
    // One turn's seconds after the other's.
    perSecond: [...a.perSecond, ...b.perSecond],
  };
}

type ServerName = 'service' | 'sameSchema' | 'lean';
type SpecFor = (server: ServerName, round: number) => Spec;

// Servers under the same load. A full run splits each one's time into four turns, ordered
// A, B, B, A, A, B, B, A (with three: A B C C B A A B C C B A), so a drift or a burst in
// the machine's other load weighs on all alike (with two 10 s turns each, one burst still
// moved a ratio by 0.2 between otherwise equal runs); a quick run takes one turn each.
const roundsOf = (ctx: BenchContext) => (ctx.sizes.loadSeconds >= 10 ? 4 : 1);

// A B B A A B B A …: every other round runs in the reverse order.
const takingTurns = <T>(order: T[], rounds: number): T[] =>
  Array.from({ length: rounds }, (_, round) =>
    round % 2 === 0 ? order : [...order].reverse(),
  ).flat();

interface Side {
  server: ServerProcess;
  specFor(round: number): Spec;
}

// Each side's turns merged into one figure; `seconds` is each side's time in all.
async function inTurns<K extends string>(
  ctx: BenchContext,
  sides: Record<K, Side>,
  order: K[],
  seconds: number,
): Promise<Record<K, Measured>> {
  const rounds = roundsOf(ctx);
  const runs = Object.fromEntries(order.map((name) => [name, []])) as unknown as Record<
    K,
    Measured[]
  >;
  for (const name of takingTurns(order, rounds)) {
    const round = runs[name].length;
    const spec = { ...sides[name].specFor(round), durationS: seconds / rounds };
    // Warm up only before a server's first turn.
    runs[name].push(await measure(ctx, sides[name].server, spec, round === 0));
  }
  return Object.fromEntries(order.map((name) => [name, runs[name].reduce(merge)])) as Record<
    K,
    Measured
  >;
}

// The service against both baselines, baselines first: same-schema, lean, service,
// service, lean, same-schema, … With `withLookup` (submit), a fourth side: the same-schema
// baseline also running the duplicate lookup every submission of the service runs (SPEC
// §15: the same statement on a pool of its own, begun beside the write), so that the table
// can tell what the lookup costs from what the service's code costs.
async function versus(
  ctx: BenchContext,
  specFor: SpecFor,
  { withLookup = false } = {},
): Promise<Comparison> {
  const side = (name: ServerName, server: ServerProcess): Side => ({
    server,
    specFor: (round) => specFor(name, round),
  });
  const sides: Record<string, Side> = {
    service: side('service', ctx.service),
    sameSchema: side('sameSchema', ctx.sameSchema),
    lean: side('lean', ctx.lean),
  };
  const order = ['sameSchema', 'lean', 'service'];
  if (withLookup) {
    sides.sameSchemaWithLookup = {
      server: ctx.sameSchema,
      specFor: (round) => ({ ...specFor('sameSchema', round), query: '?duplicates=on' }),
    };
    order.splice(2, 0, 'sameSchemaWithLookup');
  }
  const runs = await inTurns(ctx, sides, order, ctx.sizes.loadSeconds);
  const { service, sameSchema, lean, sameSchemaWithLookup } = runs;
  const rate = (run: Measured) => run.requestsPerSecond;
  return {
    service,
    sameSchema,
    lean,
    ratio: rate(service) / rate(sameSchema),
    leanRatio: rate(service) / rate(lean),
    schemaRatio: rate(sameSchema) / rate(lean),
    ...(sameSchemaWithLookup && {
      sameSchemaWithLookup,
      lookupRatio: rate(service) / rate(sameSchemaWithLookup),
    }),
  };
}

export function submitScenario(ctx: BenchContext): Promise<Comparison> {
  return versus(ctx, () => ({ kind: 'submit', token: ctx.people.reporter.token }), {
    withLookup: true,
  });
}

export function queueScenario(ctx: BenchContext): Promise<Comparison> {
  return versus(ctx, () => ({ kind: 'queue', token: ctx.people.editor.token }));
}

// More transitions a second than either server reaches here, so a warm-up never runs out.
const DECIDE_WARMUP_PER_SECOND = 1500;

// Each server gets its own prepared claims: some for its warm-up, the rest split between
// its turns.
export function decideScenario(
  ctx: BenchContext,
  ids: Record<ServerName, string[]>,
): Promise<Comparison> {
  const rounds = roundsOf(ctx);
  const warmupClaims = ctx.sizes.warmupSeconds * DECIDE_WARMUP_PER_SECOND;
  const split = (ids: string[]) => {
    const measured = ids.slice(warmupClaims);
    const size = Math.ceil(measured.length / rounds);
    return {
      warmup: idsFile(ids.slice(0, warmupClaims)),
      rounds: Array.from({ length: rounds }, (_, round) =>
        idsFile(measured.slice(round * size, (round + 1) * size)),
      ),
    };
  };
  const files = {
    service: split(ids.service),
    sameSchema: split(ids.sameSchema),
    lean: split(ids.lean),
  };
  return versus(ctx, (server, round) => ({
    kind: 'decide',
    token: ctx.people.editor.token,
    startVersion: 2,
    idsFile: files[server].rounds[round],
    warmup: { idsFile: files[server].warmup },
  }));
}

export interface ScaleRun {
  claims: number;
  deepCursors: number;
  pages: Measured;
}

export interface ScaleResult {
  small: ScaleRun;
  large: ScaleRun;
  p50Ratio: number;
}

// Deep pages of GET /claims?status=in_review at the small size against the large one.
// Both sizes are served at once, each by a fresh service of its own: the large by the
// benchmark's database, the small by a second database seeded with `smallClaims` claims.
// They take turns like service and baseline, so the machine's drift weighs on both alike
// (measured minutes apart, the ratio moved between 1.4 and 1.9 from one run to the next),
// and neither carries a heap that earlier loads left behind.
export async function scaleScenario(ctx: BenchContext): Promise<ScaleResult> {
  const smallUrl = await ctx.extraDatabase();
  const smallClaims = ctx.sizes.smallClaims;
  const largeClaims = await withClient(ctx.ownerUrl, async (client) =>
    Number((await client.query('SELECT count(*) AS n FROM claims')).rows[0].n),
  );
  const small = await ctx.startService(smallUrl, `service @${smallClaims} claims`);
  const large = await ctx.startService(ctx.ownerUrl, `service @${largeClaims} claims`);
  try {
    const smallPeople = await createPeople(small.server.url, small.adminToken);
    await seedClaims(smallUrl, smallPeople, { count: smallClaims, inReviewEvery: 10 });
    const sides = {
      small: await deepPages(small.server, smallPeople.editor.token, smallClaims),
      large: await deepPages(large.server, ctx.people.editor.token, largeClaims),
    };
    const pages = await inTurns(
      ctx,
      {
        small: { server: small.server, specFor: () => sides.small.spec },
        large: { server: large.server, specFor: () => sides.large.spec },
      },
      ['small', 'large'],
      ctx.sizes.pagesSeconds,
    );
    const run = (side: 'small' | 'large'): ScaleRun => ({
      claims: sides[side].claims,
      deepCursors: sides[side].spec.cursors.length,
      pages: pages[side],
    });
    return {
      small: run('small'),
      large: run('large'),
      p50Ratio: pages.large.latencyMs.p50 / pages.small.latencyMs.p50,
    };
  } finally {
    await small.server.stop();
    await large.server.stop();
  }
}

// The load of one size: its cursors come from walking the whole list by nextCursor, and
// the load fetches pages from the deeper half of it.
async function deepPages(server: ServerProcess, token: string, claims: number) {
  const cursors: string[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${cursor}` : '';
    const response = await fetch(`${server.url}/api/v1/claims?status=in_review&limit=50${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) throw new Error(`GET /claims answered ${response.status}`);
    cursor = ((await response.json()) as { nextCursor: string | null }).nextCursor;
    if (cursor) cursors.push(cursor);
  } while (cursor);
  const deep = cursors.slice(Math.floor(cursors.length / 2));
  if (deep.length === 0) throw new Error('too few claims in review for deep pages');
  return {
    claims,
    spec: { kind: 'pages' as const, token, cursors: deep, connections: 8 },
  };
}

export interface ExportFigures {
  events: number;
  bytes: number;
  seconds: number;
  mbPerSecond: number;
  eventsPerSecond: number;
  // VmRSS of the service when the export began (its heap as earlier load left it), and
  // the highest seen while the export ran (sampled every 50 ms).
  rssBeforeMb: number;
  peakRssMb: number;
}

const figures = (
  transfer: Transfer,
  events: number,
  rssBeforeMb = 0,
  peakRssMb = 0,
): ExportFigures => ({
  events,
  bytes: transfer.bytes,
  seconds: transfer.seconds,
  mbPerSecond: transfer.bytes / 1024 / 1024 / transfer.seconds,
  eventsPerSecond: events / transfer.seconds,
  rssBeforeMb,
  peakRssMb,
});

export interface ExportResult {
  ndjson: ExportFigures;
  csv: ExportFigures;
  copy: ExportFigures;
  csvVsCopy: number;
  // VmHWM of the service process at the end: its peak over the whole run so far.
  servicePeakRssMb: number;
  errors: number;
}

async function exportOnce(ctx: BenchContext, format: 'ndjson' | 'csv') {
  const before = sampleProcess(ctx.service.pid).rssMb;
  const rss = watchRss(ctx.service.pid);
  const transfer = await download(
    `${ctx.service.url}/api/v1/audit/export?format=${format}`,
    ctx.people.auditor.token,
  );
  const peak = rss.stop();
  const events = format === 'csv' ? transfer.lines - 1 : transfer.lines;
  ctx.log(
    `export ${format}: ${events} events, ${(transfer.bytes / 1048576).toFixed(0)} MB in ` +
      `${transfer.seconds.toFixed(1)} s, status ${transfer.status}, RSS ${before.toFixed(0)} MB before, peak ` +
      `${peak.toFixed(0)} MB`,
  );
  return { transfer, figures: figures(transfer, events, before, peak) };
}

async function copyOnce(ctx: BenchContext) {
  const transfer = await psqlCopy(ctx.ownerUrl, selectAuditEvents({}).text);
  const copy = figures(transfer, transfer.lines - 1);
  ctx.log(
    `psql COPY: ${copy.events} rows, ${(copy.bytes / 1048576).toFixed(0)} MB in ` +
      `${copy.seconds.toFixed(1)} s`,
  );
  return { transfer, figures: copy };
}

// Several transfers of the same rows as one figure: totals over total time, the highest
// peak.
function combined(runs: ExportFigures[]): ExportFigures {
  const events = runs.reduce((sum, run) => sum + run.events, 0);
  const bytes = runs.reduce((sum, run) => sum + run.bytes, 0);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  return {
    events: runs[0].events,
    bytes: runs[0].bytes,
    seconds: seconds / runs.length,
    mbPerSecond: bytes / 1024 / 1024 / seconds,
    eventsPerSecond: events / seconds,
    rssBeforeMb: runs[0].rssBeforeMb,
    peakRssMb: Math.max(...runs.map((run) => run.peakRssMb)),
  };
}

// CSV and COPY take turns (CSV, COPY, COPY, CSV in a full run), as the loads do, so the
// page cache and the machine's other load weigh on both alike.
export async function exportScenario(ctx: BenchContext): Promise<ExportResult> {
  const ndjson = await exportOnce(ctx, 'ndjson');
  // Exports are long enough that two turns each do.
  const order = takingTurns<'csv' | 'copy'>(['csv', 'copy'], Math.min(2, roundsOf(ctx)));
  type Run = Awaited<ReturnType<typeof copyOnce>>;
  const runs: Record<'csv' | 'copy', Run[]> = { csv: [], copy: [] };
  for (const kind of order) {
    await checkpoint(ctx.ownerUrl);
    runs[kind].push(kind === 'csv' ? await exportOnce(ctx, 'csv') : await copyOnce(ctx));
  }
  const csv = combined(runs.csv.map((run) => run.figures));
  const copy = combined(runs.copy.map((run) => run.figures));
  const errors = [ndjson, ...runs.csv, ...runs.copy].filter(
    (run) => run.transfer.status !== 200,
  ).length;
  return {
    ndjson: ndjson.figures,
    csv,
    copy,
    csvVsCopy: csv.eventsPerSecond / copy.eventsPerSecond,
    servicePeakRssMb: sampleProcess(ctx.service.pid).peakRssMb,
    errors,
  };
}

export interface MixedRun {
  submit: Measured;
  decide: Measured;
  exportsRun: number;
  // How fast the exports streamed while the writes ran (the service paces them then).
  exportMbPerSecondDuringLoad: number;
}

export interface MixedResult {
  quiet: MixedRun;
  withExport: MixedRun;
  submitP99Ratio: number;
  decideP99Ratio: number;
}

const LOAD_STARTUP_MS = 1500;

// Submit and decide load on the service, half the connections each, first alone and then
// while full NDJSON exports run back to back for the whole of the load.
export async function mixedScenario(
  ctx: BenchContext,
  quietIds: string[],
  exportIds: string[],
): Promise<MixedResult> {
  const run = async (claims: string[], withExport: boolean): Promise<MixedRun> => {
    await settle(ctx.ownerUrl);
    const ids = idsFile(claims);
    let loading = true;
    let exportsRun = 0;
    let bytesDuringLoad = 0;
    // The export starts before the load generators are up (a second or so to start their
    // processes) and runs alone at full speed meanwhile: its rate is counted from then on.
    const countFrom = performance.now() + LOAD_STARTUP_MS;
    const exporting = (async () => {
      while (withExport && loading) {
        const transfer = await download(
          `${ctx.service.url}/api/v1/audit/export?format=ndjson`,
          ctx.people.auditor.token,
          (bytes) => loading && performance.now() >= countFrom && (bytesDuringLoad += bytes),
        );
        if (transfer.status !== 200) throw new Error(`export answered ${transfer.status}`);
        exportsRun++;
      }
    })();
    const connections = ctx.sizes.connections / 2;
    const [submit, decide] = await Promise.all([
      measure(
        ctx,
        ctx.service,
        { kind: 'submit', token: ctx.people.reporter.token, connections },
        false,
      ),
      measure(
        ctx,
        ctx.service,
        {
          kind: 'decide',
          token: ctx.people.editor.token,
          idsFile: ids,
          startVersion: 2,
          connections,
        },
        false,
      ),
    ]);
    loading = false;
    const loadSeconds = (performance.now() - countFrom) / 1000;
    await exporting;
    const exportMbPerSecondDuringLoad = bytesDuringLoad / 1048576 / loadSeconds;
    if (withExport) {
      ctx.log(
        `mixed: the export streamed ${exportMbPerSecondDuringLoad.toFixed(1)} MB/s meanwhile`,
      );
    }
    return { submit, decide, exportsRun, exportMbPerSecondDuringLoad };
  };
  const quiet = await run(quietIds, false);
  const withExport = await run(exportIds, true);
  return {
    quiet,
    withExport,
    submitP99Ratio: withExport.submit.latencyMs.p99 / quiet.submit.latencyMs.p99,
    decideP99Ratio: withExport.decide.latencyMs.p99 / quiet.decide.latencyMs.p99,
  };
}
