import type { ClaimStatus } from '../../domain/claim-status.js';

// The duplicate lookup's statements, apart from the code that runs them, so the benchmark's
// baseline runs exactly these (as it does claim-sql.ts's).

export const POSSIBLE_DUPLICATE_SIMILARITY = 0.5;
export const MAX_POSSIBLE_DUPLICATES = 5;
// A corpus of thousands of near-identical claims makes every one of them a candidate; the
// lookup then gives up after this long rather than hold the submission (docs/duplicates.md).
export const POSSIBLE_DUPLICATES_TIMEOUT_MS = 300;

export interface PossibleDuplicate {
  id: string;
  similarity: number;
  status: ClaimStatus;
}

// `%` rather than `similarity() >=` so the GIN index claims_text_trgm_idx serves it (it
// compares with pg_trgm.similarity_threshold, set to 0.5 below); merged and withdrawn
// claims are left out: the one to look at is the claim that stays.
export const POSSIBLE_DUPLICATES_SQL = `SELECT c.id, similarity(c.text, $1) AS similarity, c.status
       FROM claims c
      WHERE c.text % $1 AND c.id <> $2 AND c.status NOT IN ('merged', 'withdrawn')
      ORDER BY similarity DESC, c.id
      LIMIT ${MAX_POSSIBLE_DUPLICATES}`;

// The lookup's own settings. `%` compares with pg_trgm.similarity_threshold. The planner
// prices `%` like a plain comparison, though it builds the trigrams of every row it reads:
// when the GIN index has a long pending list (fresh inserts not yet merged into it) it
// picks a sequential scan that costs tens of milliseconds where the index costs one, so
// sequential scans are off for this one statement. The timeout bounds the worst case.
export const POSSIBLE_DUPLICATES_SETTINGS = {
  'pg_trgm.similarity_threshold': String(POSSIBLE_DUPLICATE_SIMILARITY),
  enable_seqscan: 'off',
  statement_timeout: String(POSSIBLE_DUPLICATES_TIMEOUT_MS),
};

// The settings live in a savepoint: rolling back to it after the read (which changed
// nothing) undoes them, and a lookup that times out is cancelled there without aborting
// the submission's transaction. One round trip before the read, one after.
export const BEGIN_LOOKUP = [
  'SAVEPOINT possible_duplicates',
  ...Object.entries(POSSIBLE_DUPLICATES_SETTINGS).map(
    ([name, value]) => `SET LOCAL ${name} = ${value}`,
  ),
].join('; ');
export const END_LOOKUP =
  'ROLLBACK TO SAVEPOINT possible_duplicates; RELEASE SAVEPOINT possible_duplicates';
