import type { EntityManager } from 'typeorm';

// TypeORM answers an UPDATE or DELETE with [rows, rowCount] rather than the rows; this
// gives the RETURNING rows whatever the statement's command.
export async function returningRows<Row>(
  manager: EntityManager,
  sql: string,
  parameters: unknown[],
): Promise<Row[]> {
  const result = (await manager.query(sql, parameters)) as unknown[];
  return (Array.isArray(result[0]) ? result[0] : result) as Row[];
}
