import { MigrationInterface, QueryRunner } from 'typeorm';

// The duplicate lookup ranks a new claim's words by the statistics ANALYZE keeps on
// claims.search (docs/duplicates.md). Only the table's owner may ANALYZE it, and requests
// are served as a role that owns nothing (src/database/roles.ts); this function, owned by
// the owner and granted to the serving role alone, lets the service refresh exactly those
// statistics and nothing else. One caller at a time: a second one, from another replica,
// returns false at once instead of analysing the same table twice.
export class WordStatistics1764003100000 implements MigrationInterface {
  name = 'WordStatistics1764003100000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION refresh_claim_word_statistics() RETURNS boolean
        LANGUAGE plpgsql SECURITY DEFINER SET search_path FROM CURRENT
      AS $$
      BEGIN
        IF NOT pg_try_advisory_xact_lock(4172006) THEN
          RETURN false;
        END IF;
        ANALYZE claims (search);
        RETURN true;
      END
      $$`);
    await db.query(`REVOKE ALL ON FUNCTION refresh_claim_word_statistics() FROM PUBLIC`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP FUNCTION refresh_claim_word_statistics()`);
  }
}
