import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options.js';

// Any fixed number works; it only has to be the same in every replica.
const MIGRATION_LOCK_ID = 4_172_001;

// Applies pending migrations. Replicas starting together take turns on an advisory lock,
// so each migration runs exactly once.
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource({ ...dataSourceOptions({ url, poolSize: 2 }) });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      const applied = await dataSource.runMigrations({ transaction: 'each' });
      return applied.map((migration) => migration.name);
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
    await dataSource.destroy();
  }
}
