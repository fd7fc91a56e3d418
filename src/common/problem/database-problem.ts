import { isDatabaseUnavailable } from '../../database/database-unavailable.js';
import { isStatementCancelled } from '../../database/postgres-errors.js';
import { DomainError } from './domain-error.js';

const RETRY_AFTER_SECONDS = '5';

// The database's errors that are worth trying again — unreachable for a moment, or a
// statement cut off by its timeout (or an operator's cancel), its transaction rolled back —
// as the 503 they are answered with; undefined for any other error. One rule for a whole
// request (the problem filter) and for one item of a bulk request.
export function databaseProblemOf(error: unknown): DomainError | undefined {
  const headers = { 'retry-after': RETRY_AFTER_SECONDS };
  if (isDatabaseUnavailable(error)) {
    return new DomainError(
      'database-unavailable',
      'The database is unreachable; try again shortly.',
      { headers },
    );
  }
  if (isStatementCancelled(error)) {
    return new DomainError(
      'database-unavailable',
      'The database took too long to answer this request; try again shortly.',
      { headers },
    );
  }
  return undefined;
}
