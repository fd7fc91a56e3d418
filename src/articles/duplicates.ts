import { EntityManager } from 'typeorm';
import type { DuplicateView } from './dto/article.view.js';

export const DUPLICATE_SIMILARITY = 0.5;
// Enough to show a reporter the claim is known; a flood of resubmissions stays readable.
export const MAX_DUPLICATES_PER_CANDIDATE = 10;

// Existing claims whose text is trigram-similar (pg_trgm) to each sentence, most similar
// first, in one query for all sentences. `%` rather than `similarity() >=` so the GIN index
// claims_text_trgm_idx serves each lookup; it compares with pg_trgm.similarity_threshold,
// set for this transaction only. Must run inside a transaction.
export async function findDuplicates(
  manager: EntityManager,
  sentences: string[],
): Promise<DuplicateView[][]> {
  const duplicates: DuplicateView[][] = sentences.map(() => []);
  if (sentences.length === 0) return duplicates;
  await manager.query(`SET LOCAL pg_trgm.similarity_threshold = ${DUPLICATE_SIMILARITY}`);
  const rows = (await manager.query(
    `SELECT s.ord::int AS ord, d.id, d.similarity
       FROM unnest($1::text[]) WITH ORDINALITY AS s (sentence, ord)
       CROSS JOIN LATERAL (
         SELECT c.id, similarity(c.text, s.sentence) AS similarity
           FROM claims c
          WHERE c.text % s.sentence
          ORDER BY similarity DESC, c.id
          LIMIT $2
       ) d
      ORDER BY s.ord, d.similarity DESC, d.id`,
    [sentences, MAX_DUPLICATES_PER_CANDIDATE],
  )) as { ord: number; id: string; similarity: number }[];
  for (const row of rows) {
    duplicates[row.ord - 1]!.push({
      claimId: row.id,
      // float4 as sent by PostgreSQL, e.g. 0.8235294; three places are plenty to rank by.
      similarity: Math.round(row.similarity * 1000) / 1000,
    });
  }
  return duplicates;
}
