import { Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { preparedQueryWithin } from '../../database/prepared-query.js';
import {
  BEGIN_LOOKUP,
  END_LOOKUP,
  PossibleDuplicate,
  POSSIBLE_DUPLICATES_SQL,
  POSSIBLE_DUPLICATES_TIMEOUT_MS,
} from './possible-duplicates-sql.js';

// Duplicates at submission (SPEC §15): the claims a new claim's text is trigram-similar to,
// so the reporter sees "we already have this" in the 201. Advice only: the claim is already
// inserted when this runs, and nothing here can refuse or roll it back.
export type { PossibleDuplicate };

const QUERY_CANCELED = '57014';
const logger = new Logger('PossibleDuplicates');

// Runs after the insert: `claimId` is the new claim, left out of its own duplicates. Most
// similar first, ties by id. In the submission's transaction when it has one (an
// Idempotency-Key request stores the answer with the key); otherwise the insert was a
// statement of its own, and the lookup takes a short transaction for its local settings,
// which must hold on the one connection that runs it.
export async function findPossibleDuplicates(
  manager: EntityManager,
  claim: { id: string; text: string },
): Promise<PossibleDuplicate[]> {
  if (!manager.queryRunner?.isTransactionActive) {
    return manager.transaction((inTransaction) => findPossibleDuplicates(inTransaction, claim));
  }
  await manager.query(BEGIN_LOOKUP);
  try {
    const rows = await preparedQueryWithin<PossibleDuplicate>(manager, POSSIBLE_DUPLICATES_SQL, [
      claim.text,
      claim.id,
    ]);
    // float4 as PostgreSQL sends it, e.g. 0.8235294; three places are plenty to rank by.
    return rows.map((row) => ({ ...row, similarity: Math.round(row.similarity * 1000) / 1000 }));
  } catch (error) {
    if ((error as { code?: string }).code !== QUERY_CANCELED) throw error;
    logger.warn(
      `The duplicate lookup for claim ${claim.id} took over ${POSSIBLE_DUPLICATES_TIMEOUT_MS} ms and was skipped.`,
    );
    return [];
  } finally {
    await manager.query(END_LOOKUP);
  }
}
