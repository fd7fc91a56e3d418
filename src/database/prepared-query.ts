import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';

const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `cd_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

// Runs a hot read as a named prepared statement: PostgreSQL parses and plans each
// distinct text once per connection instead of on every request (TypeORM's own queries
// are unnamed). The name is derived from the text, so one text always has one name.
export function preparedQuery<T>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  return preparedQueryWithin<T>(dataSource.manager, text, values);
}

// The same inside a transaction, on the transaction's own connection (outside one, on any
// pooled connection). Returns the rows of a SELECT or of a statement with RETURNING.
export async function preparedQueryWithin<T>(
  manager: EntityManager,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const connection = (manager.queryRunner as unknown as { databaseConnection?: pg.PoolClient })
    ?.databaseConnection;
  const result = await (connection ?? poolOf(manager.connection)).query({
    name: nameOf(text),
    text,
    values,
  });
  return result.rows as T[];
}

// The pg pool behind TypeORM's data source, for what TypeORM has no API for (named
// statements, COPY).
export const poolOf = (dataSource: DataSource): pg.Pool =>
  (dataSource.driver as unknown as { master: pg.Pool }).master;
