// SQLSTATE codes the service reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html).
// TypeORM wraps the driver's error and copies its fields; either may reach us.
interface PostgresErrorFields {
  code?: unknown;
  constraint?: unknown;
}

const fieldOf = (error: unknown, field: keyof PostgresErrorFields): string | undefined => {
  const candidate = error as (PostgresErrorFields & { driverError?: PostgresErrorFields }) | null;
  const value = candidate?.driverError?.[field] ?? candidate?.[field];
  return typeof value === 'string' ? value : undefined;
};

const sqlState = (error: unknown) => fieldOf(error, 'code');

// A unique violation of the one constraint (or unique index) a caller expects to race on.
// Named, because a caller that answers "taken" or tries again on that race must not do so
// for another: a duplicate no one expected is a defect to surface, not a conflict to retry.
export const isUniqueViolation = (error: unknown, constraint: string) =>
  sqlState(error) === '23505' && fieldOf(error, 'constraint') === constraint;
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';
export const isCheckViolation = (error: unknown) => sqlState(error) === '23514';
// A statement PostgreSQL cancelled: past statement_timeout, or by an operator's
// pg_cancel_backend. Its transaction is rolled back.
export const isStatementCancelled = (error: unknown) => sqlState(error) === '57014';
export const isSerializationFailure = (error: unknown) =>
  sqlState(error) === '40001' || sqlState(error) === '40P01';
