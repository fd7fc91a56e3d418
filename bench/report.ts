import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import type { BulkResult } from './bulk-scenario.js';
import type { DuplicatesResult } from './duplicates-scenario.js';
import type { Comparison, ExportResult, Measured, MixedResult, ScaleResult } from './scenarios.js';
import type { WebhooksResult } from './webhooks-scenario.js';

export interface Results {
  submit?: Comparison;
  queue?: Comparison;
  decide?: Comparison;
  scale?: ScaleResult;
  export?: ExportResult;
  mixed?: MixedResult;
  webhooks?: WebhooksResult;
  bulk?: BulkResult;
  duplicates?: DuplicatesResult;
}

export interface Target {
  name: string;
  figure: number;
  // The figure must be at least (>=) or at most (<=) the threshold.
  rule: '>=' | '<=';
  threshold: number;
  met: boolean;
}

export function machine(postgres: string) {
  return {
    cores: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    ramGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    postgres,
    loadAverage: loadavg().map((value) => Number(value.toFixed(2))),
    commit: gitCommit(),
  };
}

// The commit measured, with a note when the working tree differs from it.
function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' });
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    });
    return head.trim() + (dirty.trim() ? ' (with uncommitted changes)' : '');
  } catch {
    return 'unknown';
  }
}

export function targetsOf(results: Results): Target[] {
  const targets: Target[] = [];
  const add = (name: string, figure: number | undefined, rule: '>=' | '<=', threshold: number) => {
    if (figure === undefined || Number.isNaN(figure)) return;
    const met = rule === '>=' ? figure >= threshold : figure <= threshold;
    targets.push({ name, figure: round(figure, 3), rule, threshold, met });
  };
  add('submit req/s vs same-schema baseline', results.submit?.ratio, '>=', 0.8);
  add('submit req/s vs lean baseline', results.submit?.leanRatio, '>=', 0.5);
  add('queue req/s vs same-schema baseline', results.queue?.ratio, '>=', 0.9);
  add('decide transitions/s vs same-schema baseline', results.decide?.ratio, '>=', 0.8);
  add('decide transitions/s vs lean baseline', results.decide?.leanRatio, '>=', 0.5);
  add('CSV export events/s vs psql COPY', results.export?.csvVsCopy, '>=', 0.9);
  if (results.export) {
    const peak = Math.max(results.export.ndjson.peakRssMb, results.export.csv.peakRssMb);
    add('service RSS during export (MB)', peak, '<=', 256);
  }
  add('deep-page p50 at large vs small', results.scale?.p50Ratio, '<=', 1.5);
  add('mixed submit p99 with export vs without', results.mixed?.submitP99Ratio, '<=', 1.5);
  add('mixed decide p99 with export vs without', results.mixed?.decideP99Ratio, '<=', 1.5);
  add('bulk of 200 items, slowest (ms)', results.bulk?.latencyMs.max, '<=', 2000);
  add('duplicate lookup adds to submit p50 (ms)', results.duplicates?.addedP50Ms, '<=', 5);
  add('errors', errorsOf(results), '<=', 0);
  return targets;
}

export function errorsOf(results: Results): number {
  const duplicates = results.duplicates;
  const others =
    (results.export?.errors ?? 0) +
    (results.bulk?.errors ?? 0) +
    (duplicates
      ? duplicates.baselineWith.errors +
        duplicates.baselineWithout.errors +
        duplicates.service.errors
      : 0);
  return loads(results).reduce((sum, [, run]) => sum + run.errors, others);
}

// SPEC §9 has every load report CPU per request of the server process, of the PostgreSQL
// backends serving it (read from /proc, so only where PostgreSQL runs on this machine) and
// of the load generator. A load without one fails the run as an error does: the smoke run
// in CI is what notices a figure that went missing.
export function missingFiguresOf(results: Results, postgresIsLocal: boolean): string[] {
  return loads(results).flatMap(([name, run]) => {
    const missing = [
      !(run.totalRequests > 0) && 'requests',
      !(run.serverCpuMs > 0) && 'server CPU',
      postgresIsLocal && !((run.pgCpuMs ?? 0) > 0) && 'PostgreSQL CPU',
      !(run.loadCpuMs > 0) && 'load generator CPU',
    ].filter(Boolean);
    return missing.length > 0 ? [`${name}: no ${missing.join(', ')}`] : [];
  });
}

// [name, figures, whether its CPU times are the server's for another load too]
type LoadRow = [string, Measured, boolean?];

function loads(results: Results): LoadRow[] {
  const rows: LoadRow[] = [];
  for (const name of ['submit', 'queue', 'decide'] as const) {
    const comparison = results[name];
    if (!comparison) continue;
    rows.push(
      [`${name} (same-schema baseline)`, comparison.sameSchema],
      [`${name} (lean baseline)`, comparison.lean],
    );
    if (comparison.sameSchemaWithLookup) {
      rows.push([
        `${name} (same-schema baseline + duplicate lookup)`,
        comparison.sameSchemaWithLookup,
      ]);
    }
    rows.push([`${name} (service)`, comparison.service]);
  }
  if (results.webhooks) {
    rows.push(['decide, no webhooks', results.webhooks.without]);
    rows.push(['decide, 3 webhooks', results.webhooks.with]);
  }
  if (results.scale) {
    rows.push([`deep pages @${results.scale.small.claims} claims`, results.scale.small.pages]);
    rows.push([`deep pages @${results.scale.large.claims} claims`, results.scale.large.pages]);
  }
  // Submit and decide run at once on one service (and the export beside them): CPU time
  // per request of either would count the other's.
  if (results.mixed) {
    const { quiet, withExport } = results.mixed;
    const rate = withExport.exportMbPerSecondDuringLoad.toFixed(1);
    rows.push(['mixed submit, quiet', quiet.submit, true]);
    rows.push(['mixed decide, quiet', quiet.decide, true]);
    rows.push([`mixed submit, export running (${rate} MB/s)`, withExport.submit, true]);
    rows.push([`mixed decide, export running (${rate} MB/s)`, withExport.decide, true]);
  }
  return rows;
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

// CPU milliseconds per request of a run ('-' when not measured).
const perRequest = (ms: number | null, run: Measured) =>
  ms === null || run.totalRequests === 0 ? '-' : round(ms / run.totalRequests, 3);

function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((row) => row.map(String))];
  const widths = header.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
  const line = (row: string[]) =>
    '| ' + row.map((cell, column) => cell.padEnd(widths[column])).join(' | ') + ' |';
  return [
    line(cells[0]),
    line(widths.map((width) => '-'.repeat(width))),
    ...cells.slice(1).map(line),
  ].join('\n');
}

export function render(results: Results, targets: Target[]): string {
  const out: string[] = [];
  out.push(
    table(
      [
        'run',
        'req/s',
        'p50 ms',
        'p99 ms',
        'errors',
        'server CPU ms/req',
        'PostgreSQL CPU ms/req',
        'load-gen CPU ms/req',
      ],
      loads(results).map(([name, run, shared]) => [
        name,
        round(run.requestsPerSecond),
        round(run.latencyMs.p50),
        round(run.latencyMs.p99),
        run.errors,
        shared ? 'shared' : perRequest(run.serverCpuMs, run),
        shared ? 'shared' : perRequest(run.pgCpuMs, run),
        perRequest(run.loadCpuMs, run),
      ]),
    ),
  );
  const compared = (['submit', 'queue', 'decide'] as const).filter((name) => results[name]);
  if (compared.length > 0) {
    out.push(
      '',
      table(
        [
          'ratio of req/s',
          'service ÷ same-schema',
          'service ÷ lean',
          'same-schema ÷ lean',
          'service ÷ same-schema + lookup',
        ],
        compared.map((name) => {
          const { ratio, leanRatio, schemaRatio, lookupRatio } = results[name]!;
          return [
            name,
            round(ratio, 3),
            round(leanRatio, 3),
            round(schemaRatio, 3),
            lookupRatio === undefined ? '-' : round(lookupRatio, 3),
          ];
        }),
      ),
    );
  }
  if (results.bulk) {
    const { requests, items, latencyMs, errors } = results.bulk;
    out.push(
      '',
      table(
        ['bulk (assign)', 'requests', 'items', 'p50 ms', 'max ms', 'errors'],
        [
          [
            'POST /claims/bulk',
            requests,
            items,
            round(latencyMs.p50),
            round(latencyMs.max),
            errors,
          ],
        ],
      ),
    );
  }
  if (results.duplicates) {
    const { claims, baselineWith, baselineWithout, service, addedP50Ms } = results.duplicates;
    const row = (name: string, run: typeof service) => [
      name,
      run.requests,
      round(run.latencyMs.p50),
      round(run.latencyMs.p90),
      run.withDuplicates,
      run.errors,
    ];
    out.push(
      '',
      table(
        [
          `submit, one at a time, at ${claims} claims`,
          'requests',
          'p50 ms',
          'p90 ms',
          'with duplicates',
          'errors',
        ],
        [
          row('baseline without the duplicate lookup', baselineWithout),
          row('baseline with it', baselineWith),
          row('service (with it)', service),
        ],
      ),
      `duplicate lookup adds ${round(addedP50Ms)} ms to the submit p50`,
    );
  }
  if (results.export) {
    const { ndjson, csv, copy } = results.export;
    out.push(
      '',
      table(
        ['export', 'events', 'MB', 'seconds', 'MB/s', 'events/s', 'RSS before MB', 'peak RSS MB'],
        (
          [
            ['service NDJSON', ndjson],
            ['service CSV', csv],
            ['psql COPY CSV', copy],
          ] as const
        ).map(([name, figures]) => [
          name,
          figures.events,
          round(figures.bytes / 1048576),
          round(figures.seconds, 2),
          round(figures.mbPerSecond),
          round(figures.eventsPerSecond),
          figures.rssBeforeMb ? round(figures.rssBeforeMb) : '-',
          figures.peakRssMb ? round(figures.peakRssMb) : '-',
        ]),
      ),
    );
  }
  if (results.webhooks) {
    const { ratio, delivered, lagMs } = results.webhooks;
    out.push(
      '',
      table(
        [
          'webhooks',
          'decide ratio with/without',
          'deliveries',
          'lag p50 ms',
          'lag p99 ms',
          'lag max ms',
        ],
        [['3 subscriptions', round(ratio, 2), delivered, lagMs.p50, lagMs.p99, lagMs.max]],
      ),
    );
  }
  out.push(
    '',
    table(
      ['target', 'figure', 'rule', 'met'],
      targets.map((target) => [
        target.name,
        target.figure,
        `${target.rule} ${target.threshold}`,
        target.met ? 'yes' : 'NO',
      ]),
    ),
  );
  return out.join('\n');
}
