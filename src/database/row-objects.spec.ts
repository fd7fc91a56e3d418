import { describe, expect, it } from '@jest/globals';
import type { FieldDef } from 'pg';
import { rowObjects } from './row-objects.js';

const fields = (...names: string[]) => names.map((name) => ({ name }) as FieldDef);

describe('rowObjects', () => {
  it('keys each row by column name, in column order, sharing one shape', () => {
    const rows = rowObjects<Record<string, unknown>>(fields('id', 'text', 'tags'), [
      ['a', 'one', ['x']],
      ['b', null, []],
    ]);
    expect(rows).toEqual([
      { id: 'a', text: 'one', tags: ['x'] },
      { id: 'b', text: null, tags: [] },
    ]);
    expect(Object.keys(rows[1]!)).toEqual(['id', 'text', 'tags']);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
  });

  it('takes any column name as data, never as code', () => {
    const name = `"}; throw new Error('injected'); ({"`;
    const [row] = rowObjects<Record<string, unknown>>(fields(name, 'due key'), [[1, 2]]);
    expect(row).toEqual({ [name]: 1, 'due key': 2 });
  });

  it('keeps the last of a repeated column, as pg does, and never sets a prototype', () => {
    const [row] = rowObjects<Record<string, unknown>>(fields('id', 'id', '__proto__'), [
      [1, 2, { polluted: true }],
    ]);
    expect(row!.id).toBe(2);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.hasOwn(row!, '__proto__')).toBe(true);
    expect((row as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('answers no rows for an empty result', () => {
    expect(rowObjects(fields('id'), [])).toEqual([]);
  });
});
