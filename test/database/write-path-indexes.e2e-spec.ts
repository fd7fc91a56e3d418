import { describe, expect, it } from '@jest/globals';
import { withDatabase } from '../support/database.js';

// SPEC §9: every index a write maintains must be paid for by a query that uses it.
// bench/README.md ("Indexes on the write path") names the query for each of these; an
// index added or brought back without one fails here before it costs every insert.
describe('indexes on the write path', () => {
  const indexesOf = (table: string) =>
    withDatabase(async (db) => {
      const { rows } = await db.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes
          WHERE schemaname = current_schema() AND tablename = $1 ORDER BY indexname`,
        [table],
      );
      return rows.map((row) => row.name);
    });

  it('are on claims exactly the fifteen bench/README.md lists', async () => {
    expect(await indexesOf('claims')).toEqual(
      [
        'claims_assignee_idx',
        'claims_claimant_id_idx',
        'claims_claimant_idx',
        'claims_language_idx',
        'claims_merged_into_idx',
        'claims_created_idx',
        'claims_pkey',
        'claims_priority_created_idx',
        'claims_queue_due_idx',
        'claims_queue_idx',
        'claims_search_idx',
        'claims_status_created_idx',
        'claims_submitted_by_idx',
        'claims_tags_idx',
        'claims_text_trgm_idx',
      ].sort(),
    );
  });
});
