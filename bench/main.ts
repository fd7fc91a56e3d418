// npm run bench [-- --quick] [-- --only=submit,queue,duplicates,decide,webhooks,bulk,scale,export,mixed]
// SPEC §9: the service against the least a correct service does (a minimal node:http + pg
// server on the service's schema and on a lean one) and PostgreSQL's own COPY, measured
// in one run on this machine. See bench/README.md.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { servingUrl } from '../src/database/roles.js';
import { BULK_ITEMS, bulkScenario } from './bulk-scenario.js';
import { duplicatesScenario } from './duplicates-scenario.js';
import { BenchContext, FULL, QUICK, Sizes } from './lib/context.js';
import { checkpointsBeforeTurns, openBenchDatabase, settle, withClient } from './lib/postgres.js';
import { startServer } from './lib/processes.js';
import { createLeanDatabase } from './lib/lean-schema.js';
import { createPeople, seedClaims } from './lib/seed.js';
import { errorsOf, machine, missingFiguresOf, render, Results, targetsOf } from './report.js';
import {
  decideScenario,
  exportScenario,
  mixedScenario,
  queueScenario,
  removeIdsFiles,
  scaleScenario,
  submitScenario,
} from './scenarios.js';
import { webhooksScenario } from './webhooks-scenario.js';

const SCENARIOS = [
  'queue',
  'submit',
  'duplicates',
  'decide',
  'webhooks',
  'bulk',
  'scale',
  'export',
  'mixed',
] as const;
const POOL_SIZE = '10';

const quick = process.argv.includes('--quick');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
const selected = new Set(only ? only.split(',') : SCENARIOS);
// BENCH_LOAD_SECONDS=8 lengthens (or shortens) each server's load, e.g. for a profile.
// The decide loads get prepared claims in proportion, so a longer load does not run out.
function withLoadSeconds(base: Sizes, loadSeconds: number): Sizes {
  const scaled = (claims: number) => Math.ceil((claims * loadSeconds) / base.loadSeconds);
  return {
    ...base,
    loadSeconds,
    decideClaims: Math.max(base.decideClaims, scaled(base.decideClaims)),
    mixedDecideClaims: Math.max(base.mixedDecideClaims, scaled(base.mixedDecideClaims)),
  };
}
const sizes = process.env.BENCH_LOAD_SECONDS
  ? withLoadSeconds(quick ? QUICK : FULL, Number(process.env.BENCH_LOAD_SECONDS))
  : quick
    ? QUICK
    : FULL;
if (process.env.BENCH_WARMUP_SECONDS)
  sizes.warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS);
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const secondsSince = (begun: number) => ((Date.now() - begun) / 1000).toFixed(1);
// Each scenario's wall time, so that a slow one shows in the log (and in CI's).
async function timed<T>(name: string, scenario: () => Promise<T>): Promise<T> {
  const begun = Date.now();
  const result = await scenario();
  log(`${name} took ${secondsSince(begun)} s`);
  return result;
}
const root = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

// The Node flags of `npm start` ("node <flags> dist/bundle/server.js"): the service is measured as
// it ships, but started directly so that its own process is the one sampled.
function startFlags(): string[] {
  const start = (JSON.parse(readFileSync(root('package.json'), 'utf8')) as PackageJson).scripts
    .start;
  const words = start.split(/\s+/);
  if (words[0] !== 'node' || words.at(-1) !== 'dist/bundle/server.js') {
    throw new Error(`npm start is not "node <flags> dist/bundle/server.js": ${start}`);
  }
  return words.slice(1, -1);
}
const databaseOf = (url: string) => decodeURIComponent(new URL(url).pathname.slice(1));

interface PackageJson {
  scripts: { start: string };
}
const START_FLAGS = startFlags();

// BENCH_CPU_PROF=<folder>: the service and both baselines write V8 CPU profiles there
// (a subfolder each), to be read side by side with bench/profile-top.ts.
const cpuProfileFlags = (server: string) =>
  process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}/${server}`]
    : [];

async function main(): Promise<number> {
  const started = Date.now();
  const database = await openBenchDatabase(log);
  const machineAtStart = machine(database.serverVersion);
  log(`database ${new URL(database.url).pathname.slice(1)}, PostgreSQL ${database.serverVersion}`);
  // The service as npm start runs it, with the benchmark's settings, on a database.
  const startService = async (databaseUrl: string, name = 'service') => {
    const adminToken = `cd_bench_${randomBytes(24).toString('hex')}`;
    // Its PostgreSQL backends are found by this application_name (bench/lib/backends.ts).
    const applicationName = `bench-${name.replace(/[^a-z0-9]+/gi, '-')}`;
    const url = new URL(databaseUrl);
    url.searchParams.set('application_name', applicationName);
    const server = await startServer(
      name,
      root('dist/bundle/server.js'),
      {
        DATABASE_URL: url.toString(),
        DATABASE_POOL_SIZE: POOL_SIZE,
        PORT: '0',
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_PER_MINUTE: '0',
        NODE_ENV: 'production',
        BOOTSTRAP_ADMIN_TOKEN: adminToken,
        // The webhooks scenario's receiver listens on loopback.
        WEBHOOK_ALLOW_PRIVATE: 'true',
        // e.g. BENCH_SERVICE_ENV="EXPORT_BUSY_RATE_MB=0" to try a setting.
        ...Object.fromEntries(
          (process.env.BENCH_SERVICE_ENV ?? '')
            .split(' ')
            .filter(Boolean)
            .map((pair) => pair.split('=', 2)),
        ),
      },
      { database: databaseOf(databaseUrl), applicationName },
      [
        ...START_FLAGS,
        ...cpuProfileFlags('service'),
        // e.g. BENCH_SERVICE_NODE_FLAGS=--max-semi-space-size=64 to try a runtime setting.
        ...(process.env.BENCH_SERVICE_NODE_FLAGS?.split(' ').filter(Boolean) ?? []),
      ],
    );
    return { server, adminToken };
  };
  // A baseline (bench/baseline-server.ts) on a database: the service's, as the serving
  // role, or the lean schema's.
  const startBaseline = (name: string, databaseUrl: string) => {
    const applicationName = `bench-baseline-${name}`;
    return startServer(
      `${name} baseline`,
      root('dist/bench/bench/baseline-server.js'),
      {
        DATABASE_URL: databaseUrl,
        DATABASE_POOL_SIZE: POOL_SIZE,
        BASELINE_APPLICATION_NAME: applicationName,
        NODE_ENV: 'production',
      },
      { database: databaseOf(databaseUrl), applicationName },
      cpuProfileFlags(`${name}-baseline`),
    );
  };
  const { server: service, adminToken } = await startService(database.url);
  // BENCH_SETUP_SQL="ALTER INDEX claims_search_idx SET (fastupdate = off)" tries a schema
  // setting: run as the owner once the service has migrated, before anything is seeded.
  if (process.env.BENCH_SETUP_SQL) {
    await withClient(database.url, (client) => client.query(process.env.BENCH_SETUP_SQL!));
    log(`ran BENCH_SETUP_SQL: ${process.env.BENCH_SETUP_SQL}`);
  }
  const people = await createPeople(service.url, adminToken);
  const leanUrl = await database.extra();
  await createLeanDatabase(leanUrl, database.url);
  const sameSchema = await startBaseline('same-schema', servingUrl(database.url));
  const lean = await startBaseline('lean', leanUrl);
  const results: Results = {};
  try {
    const ctx: BenchContext = {
      sizes,
      ownerUrl: database.url,
      service,
      sameSchema,
      lean,
      leanUrl,
      people,
      log,
      claims: 0,
      extraDatabase: database.extra,
      startService,
    };
    const seed = async (count: number, options: { bulk?: boolean } = {}) => {
      // The prepared claims may already be enough; their last batch left the tables settled.
      if (count === 0) return;
      const begun = Date.now();
      await seedClaims(database.url, people, { count, inReviewEvery: 10 }, options);
      ctx.claims += count;
      log(
        `seeded ${count} claims in ${((Date.now() - begun) / 1000).toFixed(1)} s (${ctx.claims} in all)`,
      );
    };
    const prepared = (count: number, url = database.url) =>
      seedClaims(url, people, { count, inReviewEvery: 0, withEvidence: true }, { returnIds: true });

    // The service's database gets every prepared claim in one batch, split afterwards:
    // each batch ends with a VACUUM of the seeded tables, which costs more than a small
    // batch's rows.
    const preparing = Date.now();
    const counts = {
      decide: selected.has('decide') ? 2 * sizes.decideClaims : 0,
      webhooks: selected.has('webhooks') ? 2 * sizes.decideClaims : 0,
      mixed: selected.has('mixed') ? 2 * sizes.mixedDecideClaims : 0,
      bulk: selected.has('bulk') ? sizes.bulkRequests * BULK_ITEMS : 0,
    };
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const preparedIds = total > 0 ? await prepared(total) : [];
    const take = (count: number) => preparedIds.splice(0, count);
    const halves = (count: number) => [take(count / 2), take(count / 2)];
    const [decideService, decideSameSchema] = halves(counts.decide);
    const decideIds = selected.has('decide')
      ? {
          service: decideService,
          sameSchema: decideSameSchema,
          lean: await prepared(sizes.decideClaims, leanUrl),
        }
      : undefined;
    const webhookIds = counts.webhooks ? halves(counts.webhooks) : [];
    const mixedIds = counts.mixed ? halves(counts.mixed) : [];
    const bulkIds = take(counts.bulk);
    log(`prepared claims for decide, webhooks, mixed and bulk in ${secondsSince(preparing)} s`);
    ctx.claims += total;
    await seed(Math.max(0, sizes.queueClaims - ctx.claims));
    // The lean database as many claims as the service's, for the loads that compare them.
    if (['queue', 'submit', 'decide'].some((name) => selected.has(name))) {
      const begun = Date.now();
      const count = sizes.queueClaims - (decideIds ? sizes.decideClaims : 0);
      await seedClaims(leanUrl, people, { count, inReviewEvery: 10 });
      log(`seeded ${count} claims in the lean database in ${(Date.now() - begun) / 1000} s`);
    }
    const settleBoth = async () => {
      await settle(database.url);
      await settle(leanUrl);
    };
    if (selected.has('queue')) results.queue = await timed('queue', () => queueScenario(ctx));
    // Before submit, whose loads add tens of thousands of claims written like the
    // duplicates scenario's own: its figure is for the seeded desk.
    if (selected.has('duplicates')) {
      results.duplicates = await timed('duplicates', () => duplicatesScenario(ctx));
      await settle(database.url);
    }
    if (selected.has('submit')) {
      results.submit = await timed('submit', () => submitScenario(ctx));
      await settleBoth();
    }
    if (selected.has('decide')) {
      results.decide = await timed('decide', () => decideScenario(ctx, decideIds!));
      await settleBoth();
    }
    if (selected.has('webhooks')) {
      results.webhooks = await timed('webhooks', () =>
        webhooksScenario(ctx, adminToken, webhookIds[0], webhookIds[1]),
      );
      await settle(database.url);
    }
    if (selected.has('bulk')) {
      results.bulk = await timed('bulk', () => bulkScenario(ctx, bulkIds));
      await settle(database.url);
    }

    if (selected.has('scale') || selected.has('export') || selected.has('mixed')) {
      await seed(Math.max(0, sizes.largeClaims - ctx.claims), { bulk: true });
    }
    if (selected.has('scale')) results.scale = await timed('scale', () => scaleScenario(ctx));
    if (selected.has('export')) results.export = await timed('export', () => exportScenario(ctx));
    if (selected.has('mixed')) {
      results.mixed = await timed('mixed', () => mixedScenario(ctx, mixedIds[0], mixedIds[1]));
    }
  } finally {
    removeIdsFiles();
    await sameSchema.stop();
    await lean.stop();
    await service.stop();
    // BENCH_KEEP_DATABASE=1 leaves the seeded database for EXPLAIN and profiling.
    if (process.env.BENCH_KEEP_DATABASE) log(`kept database ${database.url}`);
    else await database.drop();
  }

  const targets = targetsOf(results);
  const report = {
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    durationS: Math.round((Date.now() - started) / 1000),
    machine: { ...machineAtStart, loadAverageAtEnd: machine(database.serverVersion).loadAverage },
    settings: {
      ...sizes,
      poolSize: Number(POOL_SIZE),
      // As the server reported them at the start (the run refuses to start with either off).
      synchronousCommit: database.durability.synchronous_commit,
      fsync: database.durability.fsync,
      // Whether every measured turn began with a CHECKPOINT (bench/lib/postgres.ts).
      checkpointBeforeTurns: checkpointsBeforeTurns(),
      // How PostgreSQL CPU per request is measured.
      postgresCpu: '/proc/<pid>/stat utime+stime of the backends serving each server',
      serviceNodeFlags: [...START_FLAGS, process.env.BENCH_SERVICE_NODE_FLAGS ?? '']
        .join(' ')
        .trim(),
      setupSql: process.env.BENCH_SETUP_SQL ?? null,
    },
    results,
    targets,
  };
  mkdirSync(root('bench/results'), { recursive: true });
  writeFileSync(root('bench/results/latest.json'), JSON.stringify(report, null, 2) + '\n');
  console.log(render(results, targets));
  console.log(
    `\n${report.mode} run, ${report.durationS} s; machine: ${report.machine.cores} cores, ` +
      `${report.machine.ramGb} GB, Node ${report.machine.node}, PostgreSQL ` +
      `${report.machine.postgres}; load average ${machineAtStart.loadAverage.join(' ')} at start, ` +
      `${report.machine.loadAverageAtEnd.join(' ')} at end. Written to bench/results/latest.json`,
  );
  const missing = missingFiguresOf(results, isOnThisMachine(database.url));
  for (const line of missing) console.error(`missing figure: ${line}`);
  // Speed is reported, never asserted; errors and missing figures fail the run.
  return errorsOf(results) === 0 && missing.length === 0 ? 0 : 1;
}

// Loopback or a Unix socket: the backends' /proc is readable, so their CPU is measured.
function isOnThisMachine(url: string): boolean {
  const host = new URL(url).hostname;
  return ['', 'localhost', '127.0.0.1', '[::1]'].includes(host) || host.startsWith('%2F');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('bench failed:', error);
    process.exit(1);
  },
);
