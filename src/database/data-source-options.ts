import { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface PoolSettings {
  url: string;
  poolSize: number;
  applicationName?: string;
  // Whether idle connections stay open (up to poolSize) instead of closing after pg's 10 s.
  // A new connection is a new backend: its first statements fill its caches and are parsed
  // and planned anew, tens of milliseconds that the first requests after every quiet spell
  // would pay. The serving process keeps them; short-lived processes (the CLI, migrations)
  // let them go so that they can exit.
  keepIdleConnections?: boolean;
}

// Bounded waits everywhere: while PostgreSQL is unreachable a request must fail fast with
// a 503 rather than queue forever (SPEC §10).
export const CONNECT_TIMEOUT_MS = 3000;
export const STATEMENT_TIMEOUT_MS = 30000;

export function dataSourceOptions({
  url,
  poolSize,
  applicationName,
  keepIdleConnections = false,
}: PoolSettings) {
  return {
    type: 'postgres',
    url,
    namingStrategy: new SnakeNamingStrategy(),
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    extra: {
      max: poolSize,
      ...(keepIdleConnections && { idleTimeoutMillis: 0 }),
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: 60000,
      application_name: applicationName ?? 'claimdesk',
    },
  } satisfies DataSourceOptions;
}
