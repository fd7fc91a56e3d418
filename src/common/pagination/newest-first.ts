import { SqlParameters } from '../../database/sql-parameters.js';
import { CursorPosition, decodeCursor, fromTimestampKey, KEY_SHAPES } from './cursor.js';

// Newest first on (created_at, id): the order of most lists. The rows select
// `timestampKey('<alias>.created_at') AS created_key` for their cursors.

// The condition for the page after `cursor` (given out by the list `sort`), on the table
// aliased `alias`; its values go into `p`.
export function createdBefore(p: SqlParameters, cursor: string, sort: string, alias: string) {
  const [at, id] = decodeCursor(cursor, sort, [KEY_SHAPES.timestamp, KEY_SHAPES.uuid]);
  return `(${alias}.created_at, ${alias}.id) < (${fromTimestampKey(p.add(at))}, ${p.add(id)})`;
}

// The cursor of a row of the list `sort`.
export const createdCursor =
  (sort: string) =>
  (row: { created_key: string; id: string }): CursorPosition => ({
    sort,
    key: [row.created_key, row.id],
  });
