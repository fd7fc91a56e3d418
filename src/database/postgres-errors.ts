// SQLSTATE codes the service reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html).
const sqlState = (error: unknown): string | undefined => {
  const candidate = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  const code = candidate?.driverError?.code ?? candidate?.code;
  return typeof code === 'string' ? code : undefined;
};

export const isUniqueViolation = (error: unknown) => sqlState(error) === '23505';
export const isForeignKeyViolation = (error: unknown) => sqlState(error) === '23503';
export const isCheckViolation = (error: unknown) => sqlState(error) === '23514';
export const isSerializationFailure = (error: unknown) =>
  sqlState(error) === '40001' || sqlState(error) === '40P01';
