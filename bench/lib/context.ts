import type { People } from './seed.js';
import type { ServerProcess } from './processes.js';

export interface Sizes {
  // Claims when the scale scenario first runs, then when the queue runs, then at the end.
  smallClaims: number;
  queueClaims: number;
  largeClaims: number;
  // Prepared claims for each decide run (service, baseline) and each mixed run.
  decideClaims: number;
  mixedDecideClaims: number;
  // POST /claims/bulk requests of 200 items, one after another.
  bulkRequests: number;
  loadSeconds: number;
  pagesSeconds: number;
  warmupSeconds: number;
  connections: number;
  // One-at-a-time submissions per variant of the duplicates scenario, after its warm-up ones.
  duplicateRounds: number;
  duplicateWarmupRounds: number;
}

export const FULL: Sizes = {
  smallClaims: 10_000,
  queueClaims: 100_000,
  largeClaims: 1_000_000,
  decideClaims: 48_000,
  mixedDecideClaims: 15_000,
  bulkRequests: 10,
  loadSeconds: 20,
  pagesSeconds: 12,
  warmupSeconds: 3,
  connections: 32,
  duplicateRounds: 400,
  duplicateWarmupRounds: 30,
};

// A smoke run (CI's): every scenario on its real code path against the real servers, with
// as little data and time as still makes each one do its work. Its figures are not
// comparable with a full run's. No warm-up: it only steadies a figure, and the load
// generator's own start costs more than the warm-up's second.
export const QUICK: Sizes = {
  // 100 claims in review: two pages of 50, so the deep-page load has a cursor to start from.
  smallClaims: 1_000,
  queueClaims: 8_000,
  largeClaims: 12_000,
  // About as many transitions as a server answers in the 2 s load on 2 quiet cores; a run
  // that uses them up stops early and says so.
  decideClaims: 1_000,
  mixedDecideClaims: 1_000,
  bulkRequests: 2,
  // Longer than the 1.5 s after which the mixed load starts counting the export's rate.
  loadSeconds: 2,
  pagesSeconds: 1,
  warmupSeconds: 0,
  connections: 32,
  duplicateRounds: 20,
  duplicateWarmupRounds: 3,
};

export interface BenchContext {
  sizes: Sizes;
  ownerUrl: string;
  service: ServerProcess;
  // The baselines (bench/baseline-server.ts): on the service's database, and on the lean
  // schema's (bench/lib/lean-schema.ts), whose owner URL is leanUrl.
  sameSchema: ServerProcess;
  lean: ServerProcess;
  leanUrl: string;
  people: People;
  log(line: string): void;
  // Claims seeded so far.
  claims: number;
  // A further, empty database on the same server, dropped with the benchmark's own.
  extraDatabase(): Promise<string>;
  // A fresh service process on a database, as the benchmark's own service is started;
  // `adminToken` is its bootstrap admin's on an empty database.
  startService(
    databaseUrl: string,
    name: string,
  ): Promise<{ server: ServerProcess; adminToken: string }>;
}
