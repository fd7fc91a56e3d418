import { CLAIM_COLUMNS } from '../claim-sql.js';

// The merge's update: the claim closes as `merged`, pointing at the claim it went into, and
// records who closed it, when and why, as a decision or a withdrawal does. Parameters:
// [id, intoId, rationale, actorId].
export const MERGE_CLAIM_SQL = `UPDATE claims AS c
            SET status = 'merged',
                merged_into = $2,
                rationale = $3,
                decided_by = $4,
                decided_at = now(),
                version = version + 1,
                updated_at = now()
          WHERE c.id = $1
          RETURNING ${CLAIM_COLUMNS}`;

// Where the claims merged into $1 appeared — their appearance URLs and the articles they
// were extracted from — following merges of merges (C into B before B went into A).
// Merges cannot form a cycle (a merged claim is never a target), so the recursion ends.
export const MERGED_APPEARANCES_SQL = `WITH RECURSIVE merged (id) AS (
         SELECT id FROM claims WHERE merged_into = $1
         UNION
         SELECT c.id FROM claims c JOIN merged m ON c.merged_into = m.id
       )
       SELECT DISTINCT url FROM (
         SELECT c.appearance_url AS url FROM claims c JOIN merged m ON m.id = c.id
         UNION ALL
         SELECT a.url FROM claims c JOIN merged m ON m.id = c.id JOIN articles a ON a.id = c.article_id
       ) appearances
      WHERE url IS NOT NULL
      ORDER BY url`;
