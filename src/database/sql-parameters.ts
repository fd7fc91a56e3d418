// Bind parameters for hand-built SQL: `add(value)` keeps the value and returns its `$n`,
// so a WHERE clause can be assembled piece by piece without counting placeholders. The
// one way the service builds parameters for dynamic SQL.
export class SqlParameters {
  readonly values: unknown[];

  constructor(...initial: unknown[]) {
    this.values = initial;
  }

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

// `WHERE a AND b`, or nothing when there are no conditions.
export const whereClause = (conditions: string[]) =>
  conditions.length ? `WHERE ${conditions.join(' AND ')}` : '';
