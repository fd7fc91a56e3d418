import type { FieldDef } from 'pg';

// Rows as objects keyed by column name, as pg gives them, built faster.
//
// pg builds each row by cloning an empty object and storing every column by name. That
// generic path is shared by every query the process runs, so V8 cannot specialise it: the
// clone and each store go through megamorphic handlers. Under the review-queue load it
// cost the service three times the baseline server's time per row (a process with a
// handful of statements). Rows fetched as arrays and turned into objects by a function
// made for their columns — one object literal, so every row of a result shares one hidden
// class — took about 40 % of pg's time in the next profile, and code reading them sees
// one shape per query.
type RowFactory = (values: unknown[]) => Record<string, unknown>;

// One factory per column list. The lists come from the service's own statements, so
// there are as many as there are distinct SELECT/RETURNING lists in the code.
const factories = new Map<string, RowFactory>();

export function rowObjects<T>(fields: FieldDef[], rows: unknown[][]): T[] {
  if (rows.length === 0) return [];
  const names = fields.map((field) => field.name);
  const key = names.join('\0');
  let make = factories.get(key);
  if (!make) factories.set(key, (make = factoryFor(names)));
  return rows.map(make) as T[];
}

function factoryFor(names: string[]): RowFactory {
  // A column named __proto__ would set the literal's prototype; such a result (and one
  // with a repeated name, where the last column wins as in pg) is built key by key.
  if (names.includes('__proto__') || new Set(names).size !== names.length) {
    return (values) => {
      const row: Record<string, unknown> = {};
      names.forEach((name, i) => Object.defineProperty(row, name, ownValue(values[i])));
      return row;
    };
  }
  // The names are JSON-quoted property keys, never code.
  const properties = names.map((name, i) => `${JSON.stringify(name)}: values[${i}]`);
  return new Function('values', `return { ${properties.join(', ')} };`) as RowFactory;
}

const ownValue = (value: unknown): PropertyDescriptor => ({
  value,
  writable: true,
  enumerable: true,
  configurable: true,
});
