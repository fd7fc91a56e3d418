import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../problem/domain-error.js';
import { decodeCursor, encodeCursor, KEY_SHAPES, pageOf } from './cursor.js';

const id = '0f8fad5b-d9cb-469f-a165-70867728950e';

describe('keyset cursors', () => {
  it('round-trips a position and stays opaque', () => {
    const cursor = encodeCursor({ sort: '-createdAt', key: ['1646236800123456', id] });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, '-createdAt', [KEY_SHAPES.timestamp, KEY_SHAPES.uuid])).toEqual([
      '1646236800123456',
      id,
    ]);
  });

  it('refuses garbage, another sort, and key parts of the wrong shape', () => {
    const shapes = [KEY_SHAPES.timestamp, KEY_SHAPES.uuid];
    const cursor = encodeCursor({ sort: 'createdAt', key: ['1', id] });
    for (const attempt of [
      () => decodeCursor('not json', 'createdAt', shapes),
      () => decodeCursor(cursor, '-createdAt', shapes),
      () =>
        decodeCursor(
          encodeCursor({ sort: 'createdAt', key: ["1'; DROP", id] }),
          'createdAt',
          shapes,
        ),
      // Out of PostgreSQL's timestamp range, and a rank past smallint.
      () =>
        decodeCursor(
          encodeCursor({ sort: 'createdAt', key: ['-999999999999999999', id] }),
          'createdAt',
          shapes,
        ),
      () =>
        decodeCursor(encodeCursor({ sort: '-priority', key: ['99999', '1', id] }), '-priority', [
          KEY_SHAPES.rank,
          ...shapes,
        ]),
    ]) {
      expect(attempt).toThrow(DomainError);
    }
  });

  it('builds a page from limit + 1 rows: the extra row only signals a next page', () => {
    const rows = [{ n: 1 }, { n: 2 }, { n: 3 }];
    const page = pageOf(
      rows,
      2,
      (row) => row.n,
      (row) => ({ sort: 's', key: [row.n] }),
    );
    expect(page.items).toEqual([1, 2]);
    expect(page.nextCursor).toBe(encodeCursor({ sort: 's', key: [2] }));
    expect(
      pageOf(
        rows,
        3,
        (row) => row.n,
        () => ({ sort: 's', key: [] }),
      ).nextCursor,
    ).toBeNull();
  });
});
