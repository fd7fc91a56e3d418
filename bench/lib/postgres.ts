import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/database/embedded-postgres.js';

export interface BenchDatabase {
  // The owner's URL of the fresh database (seeding, EXPLAIN, psql COPY).
  url: string;
  serverVersion: string;
  // synchronous_commit and fsync as the server reported them (the run refuses "off").
  durability: Record<string, string>;
  // Another fresh database on the same server; its owner's URL.
  extra(): Promise<string>;
  // Drops the database and the extra ones (and stops an embedded server).
  drop(): Promise<void>;
}

// DATABASE_URL's server when set, else an embedded PostgreSQL in a temporary folder; either
// way a database of its own, dropped at the end. Durability stays as configured: the
// benchmark never turns synchronous_commit or fsync off.
export async function openBenchDatabase(log: (line: string) => void): Promise<BenchDatabase> {
  let serverUrl = process.env.DATABASE_URL;
  let stopServer = async () => undefined as void;
  let tempDir: string | undefined;
  if (!serverUrl) {
    tempDir = await mkdtemp(join(tmpdir(), 'claimdesk-bench-'));
    await chmod(tempDir, 0o755); // the postgres OS user must reach it when running as root
    log(`starting embedded PostgreSQL in ${tempDir}`);
    const embedded = await startEmbeddedPostgres(join(tempDir, 'pg'));
    serverUrl = embedded.url;
    stopServer = embedded.stop;
  }
  const name = `claimdesk_bench_${randomBytes(4).toString('hex')}`;
  const durability: Record<string, string> = {};
  const serverVersion = await withClient(serverUrl, async (client) => {
    const settings = await client.query<{ name: string; setting: string }>(
      `SELECT name, setting FROM pg_settings WHERE name IN ('synchronous_commit', 'fsync')`,
    );
    for (const { name: setting, setting: value } of settings.rows) {
      if (value !== 'on') throw new Error(`${setting} is ${value}: the benchmark needs it on`);
      durability[setting] = value;
    }
    await client.query(`CREATE DATABASE ${name}`);
    return (await client.query<{ v: string }>(`SELECT current_setting('server_version') AS v`))
      .rows[0].v;
  });
  const urlOf = (database: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${database}`;
    return url.toString();
  };
  const names = [name];
  return {
    url: urlOf(name),
    serverVersion,
    durability,
    extra: async () => {
      const extra = `${name}_${names.length}`;
      await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${extra}`));
      names.push(extra);
      return urlOf(extra);
    },
    drop: async () => {
      for (const database of [...names].reverse()) {
        await withClient(serverUrl, (client) =>
          client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`),
        ).catch((error: unknown) => log(`could not drop ${database}: ${String(error)}`));
      }
      await stopServer();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

// What the benchmark writes, vacuumed and analysed: the next scenario starts on a settled
// database instead of meeting an autovacuum woken by the previous one's writes.
const SEEDED_TABLES = 'claims, claim_sources, audit_events';

export function settle(url: string): Promise<void> {
  return withClient(url, settleTables);
}

// The duplicate lookup reads the word counts of the last ANALYZE from a copy the service
// makes within DUPLICATE_STATISTICS_INTERVAL_MS of it (docs/duplicates.md); made here at
// once, so a load never starts on the counts of an earlier ANALYZE. The lean schema has no
// lookup and no copy.
export async function settleTables(client: pg.Client): Promise<void> {
  await client.query(`VACUUM (ANALYZE) ${SEEDED_TABLES}`);
  const { rows } = await client.query<{ copies: boolean }>(
    `SELECT to_regprocedure('copy_claim_word_statistics()') IS NOT NULL AS copies`,
  );
  if (rows[0]?.copies) await client.query('SELECT copy_claim_word_statistics()');
}

// Each measured turn starts right after a checkpoint. The first change to a page after a
// checkpoint writes the whole page to the WAL, and PostgreSQL starts one whenever the WAL
// written since the last reaches its bound — under the benchmark's write loads every
// 18–57 s in one run, at moments no turn chooses: a decide turn that one began in, the
// baseline's or the service's, spent up to half again as much PostgreSQL CPU per
// transition as the turn before it (bench/README.md, "Turns begin at a checkpoint").
// Forced before every turn, all turns start from the same state and none is long enough
// to set off another. It needs superuser or pg_checkpoint; without it turns start where
// they fall, and the report says so.
let checkpointRefused: string | undefined;
export async function checkpoint(url: string): Promise<void> {
  if (checkpointRefused) return;
  await withClient(url, async (client) => {
    try {
      await client.query('CHECKPOINT');
    } catch (error) {
      if ((error as { code?: string }).code !== '42501') throw error;
      checkpointRefused = String(error);
    }
  });
}

export const checkpointsBeforeTurns = () =>
  checkpointRefused ? `no (${checkpointRefused})` : 'yes';
