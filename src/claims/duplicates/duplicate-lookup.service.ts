import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { AdvicePool } from '../../database/advice-pool.js';
import { PossibleDuplicate, POSSIBLE_DUPLICATES_SQL } from './possible-duplicates-sql.js';

export type { PossibleDuplicate };

// No claim has it: the id the lookup leaves out when it only prepares a connection.
const NO_CLAIM = '00000000-0000-0000-0000-000000000000';
// How often, and how far apart, the start tries to prepare the lookup's connections.
const PREPARE_ROUNDS = 5;
const PREPARE_RETRY_MS = 1_000;

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

  constructor(private readonly advice: AdvicePool) {}

  // Most similar first, ties by id. Never rejects: whatever goes wrong, the claim stands
  // and the answer is "none found", logged.
  async find(claim: DuplicateLookupInput): Promise<PossibleDuplicate[]> {
    try {
      const rows = await this.lookUp(claim);
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

  private lookUp(claim: DuplicateLookupInput) {
    return this.advice.query<PossibleDuplicate>('possible-duplicates', POSSIBLE_DUPLICATES_SQL, [
      claim.text,
      claim.id,
      claim.searchConfig,
    ]);
  }

  // Opens every connection of the advice's pool and prepares the lookup on each, so that
  // the first submissions after a start do not pay for it (see advicePoolConfig): as many
  // lookups at once as the pool has connections, each on a connection of its own. Through
  // pool.query, which looks after a connection that fails while in use (the database gone
  // meanwhile). A start on a busy machine can pass the lookup's 300 ms bound for a
  // connection, so a round that did not prepare them all is tried again a second later,
  // a few times. Never rejects: what is still not prepared then opens on first use.
  async prepareConnections(): Promise<void> {
    const probe = { id: NO_CLAIM, text: 'a claim', searchConfig: 'simple' };
    let failure: unknown;
    for (let round = 1; round <= PREPARE_ROUNDS; round++) {
      if (round > 1) await sleep(PREPARE_RETRY_MS, undefined, { ref: false });
      if (this.advice.closing) return;
      const outcomes = await Promise.allSettled(
        Array.from({ length: this.advice.size }, () => this.lookUp(probe)),
      );
      failure = outcomes.find((outcome) => outcome.status === 'rejected')?.reason;
      if (failure === undefined) return;
    }
    this.logger.warn(
      `The duplicate lookup's connections were not all prepared at start; they open on ` +
        `first use: ${String(failure)}`,
    );
  }
}
