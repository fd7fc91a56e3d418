import { DataSourceOptions } from 'typeorm';
import { migrations } from './migrations/index.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

export interface PoolSettings {
  url: string;
  poolSize: number;
  applicationName?: string;
}

// Bounded waits everywhere: while PostgreSQL is unreachable a request must fail fast with
// a 503 rather than queue forever (SPEC §10).
export const CONNECT_TIMEOUT_MS = 3000;
export const STATEMENT_TIMEOUT_MS = 30000;

export function dataSourceOptions({ url, poolSize, applicationName }: PoolSettings) {
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
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      idle_in_transaction_session_timeout: 60000,
      application_name: applicationName ?? 'claimdesk',
    },
  } satisfies DataSourceOptions;
}
