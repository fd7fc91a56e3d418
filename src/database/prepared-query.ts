import { createHash } from 'node:crypto';
import type pg from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { withCheckedOutConnection } from './checked-out-connection.js';
import { rowObjects } from './row-objects.js';

// Named statements kept per connection. Each costs server memory until the connection
// closes, and GET /claims alone has thousands of filter combinations (one text each): a
// backend grew 76 MB over 1,500 of them. Beyond this many, the least recently used
// statement is deallocated. The hot fixed texts (token lookup, chain head, claim by id)
// are used on nearly every request and stay.
export const MAX_PREPARED_STATEMENTS = 200;

const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `cd_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

// What pg's Connection keeps about the statements it has parsed on its backend.
interface StatementBook {
  parsedStatements: Record<string, string | undefined>;
  submittedNamedStatements?: Record<string, string | undefined>;
}
const bookOf = (client: pg.ClientBase) =>
  (client as unknown as { connection: StatementBook }).connection;

// Per connection, the names prepared on its backend, least recently used first (a Map
// iterates in insertion order; a use moves the name to the end).
const preparedOn = new WeakMap<pg.ClientBase, Map<string, true>>();

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
  if (connection) return runNamed<T>(connection, text, values);
  return withCheckedOutConnection(poolOf(manager.connection), (client) =>
    runNamed<T>(client, text, values),
  );
}

async function runNamed<T>(client: pg.ClientBase, text: string, values: unknown[]): Promise<T[]> {
  const name = nameOf(text);
  let prepared = preparedOn.get(client);
  if (!prepared) preparedOn.set(client, (prepared = new Map()));
  if (prepared.has(name)) prepared.delete(name);
  else if (prepared.size >= MAX_PREPARED_STATEMENTS) await deallocateOldest(client, prepared);
  try {
    const result = await client.query<unknown[]>({ name, text, values, rowMode: 'array' });
    return rowObjects<T>(result.fields, result.rows);
  } finally {
    // Counted once the backend has it: a statement can be parsed and still fail to run.
    if (bookOf(client).parsedStatements[name] !== undefined) prepared.set(name, true);
  }
}

async function deallocateOldest(client: pg.ClientBase, prepared: Map<string, true>) {
  const [oldest] = prepared.keys();
  prepared.delete(oldest);
  // pg must parse the text again if it comes back.
  const book = bookOf(client);
  delete book.parsedStatements[oldest];
  delete book.submittedNamedStatements?.[oldest];
  await client.query(`DEALLOCATE ${oldest}`);
}

// The pg pool behind TypeORM's data source, for what TypeORM has no API for (named
// statements, COPY).
export const poolOf = (dataSource: DataSource): pg.Pool =>
  (dataSource.driver as unknown as { master: pg.Pool }).master;
