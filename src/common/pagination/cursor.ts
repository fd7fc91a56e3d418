import { DomainError } from '../problem/domain-error.js';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

// A keyset position: the sort it belongs to and the sort-key values of the last row seen.
// Opaque to clients (base64url JSON); a cursor from another sort or list is refused.
export interface CursorPosition {
  sort: string;
  key: (string | number)[];
}

export function encodeCursor(position: CursorPosition): string {
  return Buffer.from(JSON.stringify([position.sort, ...position.key])).toString('base64url');
}

// `shapes` says what each key part must look like (e.g. a uuid), checked before any SQL.
export function decodeCursor(cursor: string, sort: string, shapes: RegExp[]): string[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const valid =
    Array.isArray(parsed) &&
    parsed.length === shapes.length + 1 &&
    parsed[0] === sort &&
    shapes.every((shape, index) => shape.test(String(parsed[index + 1])));
  if (!valid) {
    throw new DomainError('validation', 'cursor: is not a cursor this list gave out', {
      errors: [{ field: 'cursor', message: 'is not a cursor this list gave out' }],
    });
  }
  return (parsed as unknown[]).slice(1).map(String);
}

// Builds the page from `limit + 1` fetched rows: the extra row only tells that more exist.
export function pageOf<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => CursorPosition,
): Page<Item> {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  return {
    items: kept.map(toItem),
    nextCursor: more ? encodeCursor(cursorOf(kept[kept.length - 1])) : null,
  };
}

// Timestamps in cursors keep PostgreSQL's microseconds (a JS Date would drop them and
// rows created in the same millisecond would be skipped): select them with
// `timestampKey('created_at')` and compare with `fromTimestampKey('$2')`.
export const timestampKey = (column: string) =>
  `(extract(epoch FROM ${column}) * 1000000)::bigint::text`;
// Bounded so that a forged cursor cannot push PostgreSQL out of range (a 500): 16 digits of
// microseconds reach years 1653–2286; a priority rank is 0–3.
export const KEY_SHAPES = {
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
  timestamp: /^-?\d{1,16}$/,
  rank: /^[0-3]$/,
};

export const fromTimestampKey = (parameter: string) =>
  `(timestamptz 'epoch' + ${parameter}::bigint * interval '1 microsecond')`;
