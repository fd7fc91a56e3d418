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
}

export const FULL: Sizes = {
  smallClaims: 10_000,
  queueClaims: 100_000,
  largeClaims: 1_000_000,
  decideClaims: 36_000,
  mixedDecideClaims: 15_000,
  bulkRequests: 10,
  loadSeconds: 20,
  pagesSeconds: 12,
  warmupSeconds: 3,
  connections: 32,
};

export const QUICK: Sizes = {
  smallClaims: 2_000,
  queueClaims: 20_000,
  largeClaims: 40_000,
  decideClaims: 5_000,
  mixedDecideClaims: 2_000,
  bulkRequests: 3,
  loadSeconds: 3,
  pagesSeconds: 2,
  warmupSeconds: 1,
  connections: 32,
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
