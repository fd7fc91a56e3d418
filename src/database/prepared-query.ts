import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DataSource } from 'typeorm';

const names = new Map<string, string>();

// Runs a hot read as a named prepared statement: PostgreSQL parses and plans each
// distinct text once per connection instead of on every request (TypeORM's own queries
// are unnamed). The name is derived from the text, so one text always has one name.
// Outside transactions only: it takes any pooled connection.
export async function preparedQuery<T>(
  dataSource: DataSource,
  text: string,
  values: unknown[],
): Promise<T[]> {
  let name = names.get(text);
  if (!name) {
    name = `cd_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
