import { MigrationInterface, QueryRunner } from 'typeorm';

// The duplicate lookup ranks a new claim's words by how many claims hold them, which
// ANALYZE counts on claims.search (pg_stats.most_common_elems). Read from pg_stats, those
// counts cost every lookup a cast of the whole counted list from anyarray to text[] and an
// unnest of it — some 0.3–0.4 ms of PostgreSQL time a submission, a third of a lookup
// (docs/duplicates.md, "Word frequencies"). This table holds the same counts, copied once
// per ANALYZE, and the lookup reads the dozen words it needs by primary key.
//
// Only the owner writes it, through copy_claim_word_statistics() (granted to the serving
// role like refresh_claim_word_statistics(), which it shares an advisory lock with): the
// serving role may read it and nothing else (src/database/roles.ts).
export class WordFrequencies1764003200000 implements MigrationInterface {
  name = 'WordFrequencies1764003200000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE claim_word_frequencies (
        lexeme text PRIMARY KEY,
        -- The share of claims whose search vector holds the lexeme, as ANALYZE estimated it.
        frequency real NOT NULL
      )`);
    // Answers false, copying nothing, while another caller refreshes or copies.
    await db.query(`
      CREATE FUNCTION copy_claim_word_statistics() RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
      AS $$
      BEGIN
        IF NOT pg_try_advisory_xact_lock(4172006) THEN
          RETURN false;
        END IF;
        DELETE FROM claim_word_frequencies;
        INSERT INTO claim_word_frequencies (lexeme, frequency)
        SELECT e.lexeme, e.frequency
          FROM pg_stats s,
               unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs)
                 AS e(lexeme, frequency)
         WHERE s.schemaname = current_schema() AND s.tablename = 'claims'
           AND s.attname = 'search' AND e.lexeme IS NOT NULL
        ON CONFLICT (lexeme) DO NOTHING;
        RETURN true;
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION copy_claim_word_statistics() FROM PUBLIC`);
    // A desk upgraded with statistics already counted looks up by them from the start.
    await db.query(`SELECT copy_claim_word_statistics()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION copy_claim_word_statistics()`);
    await db.query(`DROP TABLE claim_word_frequencies`);
  }
}
