import { Injectable, Logger } from '@nestjs/common';
import { AdvicePool, AdviceStatement } from '../../database/advice-pool.js';
import { PossibleDuplicate, POSSIBLE_DUPLICATES_SQL } from './possible-duplicates-sql.js';

export type { PossibleDuplicate };

const POSSIBLE_DUPLICATES: AdviceStatement = {
  name: 'possible-duplicates',
  text: POSSIBLE_DUPLICATES_SQL,
  // A two-word text, and an id no claim has: the id a lookup leaves out.
  readyingValues: ['a claim', '00000000-0000-0000-0000-000000000000', 'simple'],
};

export interface DuplicateLookupInput {
  // The new claim, left out of its own duplicates.
  id: string;
  text: string;
  // Its text search configuration, e.g. 'english' or 'simple'.
  searchConfig: string;
}

// Duplicates at submission (SPEC §15): the claims a new claim's text is similar to, so the
// reporter sees "we already have this" in the 201. Advice only: it runs beside the insert,
// on the advice's own connections (src/database/advice-pool.ts), and can neither refuse nor
// roll back the submission. Past the advice's bounds the submission is answered without
// duplicates.
@Injectable()
export class DuplicateLookupService {
  private readonly logger = new Logger('PossibleDuplicates');

  constructor(private readonly advice: AdvicePool) {
    advice.declare(POSSIBLE_DUPLICATES);
  }

  // Most similar first, ties by id. Never rejects: whatever goes wrong, the claim stands
  // and the answer is "none found", logged.
  async find(claim: DuplicateLookupInput): Promise<PossibleDuplicate[]> {
    try {
      const rows = await this.advice.query<PossibleDuplicate>(POSSIBLE_DUPLICATES, [
        claim.text,
        claim.id,
        claim.searchConfig,
      ]);
      // float4 as PostgreSQL sends it, e.g. 0.8235294; three places are plenty to rank by.
      return rows.map((row) => ({ ...row, similarity: Math.round(row.similarity * 1000) / 1000 }));
    } catch (error) {
      this.logger.warn(
        `The duplicate lookup for claim ${claim.id} was skipped ` +
          `(bound ${this.advice.timeoutMs} ms): ${String(error)}`,
      );
      return [];
    }
  }
}
