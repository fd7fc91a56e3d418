import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import pg, { type PoolConfig } from 'pg';
import { AppConfig } from '../config/app-config.js';

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

  get closing(): boolean {
    return this.pool.ending;
  }

  // A named statement: parsed and planned once per connection.
  async query<T>(name: string, text: string, values: unknown[]): Promise<T[]> {
    return (await this.pool.query({ name, text, values })).rows as T[];
  }

  async onModuleDestroy(): Promise<void> {
    await this.pool.end();
  }
}
