import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import pg, { type PoolConfig } from 'pg';
import { AppConfig } from '../config/app-config.js';
import { withCheckedOutConnection } from './checked-out-connection.js';

// How often, and how far apart, opening the pool's connections is tried when the service
// starts: a start on a busy machine can pass the 300 ms bound for a connection.
const OPEN_ROUNDS = 5;
const OPEN_RETRY_MS = 1_000;

// A read the advice runs, as a named statement: parsed and planned once per connection.
// `readyingValues` run it without finding anything, to ready it on a connection before a
// submission needs it.
export interface AdviceStatement {
  name: string;
  text: string;
  readyingValues: unknown[];
}

// The planner settings of the advice's connections. Sequential scans are off because for
// both of its reads the planner prices a scan of the whole table as the cheaper way, and
// it is not: it does not know how few claims the duplicate lookup's candidate query
// matches until it runs (a scan that stops at its limit looks cheap, and over 100,000
// claims with a handful of matches it reads them all), and it prices trigram similarity
// (`%`) at a fraction of what it costs (3,000 claimant names: 4.9 ms scanned, 0.1 ms
// through their trigram index, which by its own cost estimates it would take only past some
// 4,500 names).
export const ADVICE_PLANNER_SETTINGS = { enable_seqscan: 'off' };

// The advice's own pool, as the service and the benchmark's baseline both open it: `size`
// connections, each with the planner settings above, whose statements and waits for a
// connection are both bounded by `timeoutMs`. They stay open however long they idle (pg
// closes an idle connection after 10 s by default): the first duplicate lookup on a new
// connection took 40–53 ms on an idle machine against 1.6–1.8 ms on the next ones (the
// backend starts and fills its caches, the statement is parsed and planned), and a desk
// that submits less often than every 10 s would pay that on every submission — under
// load, past the time bound.
export function advicePoolConfig(settings: {
  connectionString: string | undefined;
  size: number;
  timeoutMs: number;
  applicationName: string;
}): PoolConfig {
  return {
    connectionString: settings.connectionString,
    max: settings.size,
    idleTimeoutMillis: 0,
    connectionTimeoutMillis: settings.timeoutMs,
    statement_timeout: settings.timeoutMs,
    options: Object.entries(ADVICE_PLANNER_SETTINGS)
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' '),
    application_name: settings.applicationName,
  };
}

// Connections for the advice a write is answered with but never waits on for its own
// sake (SPEC §15: a submission's possible duplicates and claimant suggestions). They are
// read beside the write, not in its transaction, on connections of their own
// (DUPLICATE_LOOKUP_POOL_SIZE): that bounds how many run at once, keeps them from taking
// the connections requests need, and lets them run while the write does. Past the bound
// (DUPLICATE_LOOKUP_TIMEOUT_MS) a read rejects, and its caller answers without it: a limit
// refuses the advice, never the write.
@Injectable()
export class AdvicePool implements OnModuleDestroy {
  private readonly logger = new Logger('AdvicePool');
  private readonly pool: pg.Pool;
  // Every statement a reader declared, by name: readied on each connection when it opens.
  private readonly statements = new Map<string, AdviceStatement>();
  // Connections, and so reads at once; how long a read waits for one, and runs.
  readonly size: number;
  readonly timeoutMs: number;

  constructor(config: AppConfig) {
    this.size = config.duplicateLookupPoolSize;
    this.timeoutMs = config.duplicateLookupTimeoutMs;
    this.pool = new pg.Pool(
      advicePoolConfig({
        connectionString: config.databaseUrl,
        size: this.size,
        timeoutMs: this.timeoutMs,
        applicationName: 'claimdesk-advice',
      }),
    );
    // An idle connection that fails is dropped by the pool; the next read opens another.
    this.pool.on('error', (error) => this.logger.warn(`advice connection: ${String(error)}`));
  }

  // A reader declares its statement when it is made, so that open() readies it too.
  declare(statement: AdviceStatement): void {
    this.statements.set(statement.name, statement);
  }

  async query<T>(statement: AdviceStatement, values: unknown[]): Promise<T[]> {
    return (await this.pool.query({ name: statement.name, text: statement.text, values }))
      .rows as T[];
  }

  // Opens every connection and readies each declared statement on each, so that the first
  // submissions after a start do not pay for it (see advicePoolConfig), once the service
  // listens (src/main.ts). Statements are readied in the order of their names, so what
  // a connection ran last is known (test/claims/duplicate-connections). A round that could
  // not open or ready them all is tried again a second later, a few times. Never rejects:
  // what is still not open then opens on first use.
  async open(): Promise<void> {
    const statements = [...this.statements.values()].sort((a, b) => a.name.localeCompare(b.name));
    let failure: unknown;
    for (let round = 1; round <= OPEN_ROUNDS; round++) {
      if (round > 1) await sleep(OPEN_RETRY_MS, undefined, { ref: false });
      if (this.pool.ending) return;
      // All at once: each connect() that finds no idle connection opens one of its own.
      const outcomes = await Promise.allSettled(
        Array.from({ length: this.size }, () => this.ready(statements)),
      );
      failure = outcomes.find((outcome) => outcome.status === 'rejected')?.reason;
      if (failure === undefined) return;
    }
    this.logger.warn(
      `The advice's connections were not all opened at start; they open on first use: ` +
        String(failure),
    );
  }

  private ready(statements: AdviceStatement[]): Promise<void> {
    return withCheckedOutConnection(this.pool, async (connection) => {
      for (const { name, text, readyingValues } of statements) {
        await connection.query({ name, text, values: readyingValues });
      }
    });
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
