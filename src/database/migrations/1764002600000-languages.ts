import { MigrationInterface, QueryRunner } from 'typeorm';

// Languages (SPEC §15): claims and articles carry a BCP 47 `language`. A claim's full-text
// vector is built with the text search configuration of its language (search_config, set by
// the service from domain/languages.ts), so Spanish claims are stemmed as Spanish and
// Ukrainian ones, for which PostgreSQL has no stemmer, kept as written (`simple`). The
// English-only vector and its GIN index are replaced, not joined by a second one. Rows that
// exist already were searched as English, and stay so.
export class Languages1764002600000 implements MigrationInterface {
  name = 'Languages1764002600000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE claims
        ADD COLUMN language text NOT NULL DEFAULT 'en'
          CHECK (char_length(language) BETWEEN 2 AND 64),
        ADD COLUMN search_config regconfig NOT NULL DEFAULT 'english'::regconfig`);
    await db.query(`DROP INDEX claims_search_idx`);
    await db.query(`ALTER TABLE claims DROP COLUMN search`);
    await db.query(`
      ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector(search_config, text || ' ' || coalesce(claimant, ''))
      ) STORED`);
    await db.query(`CREATE INDEX claims_search_idx ON claims USING gin (search)`);
    // GET /claims?language=uk matches uk and uk-*: equality and a LIKE prefix, both served
    // by text_pattern_ops whatever the database's collation.
    await db.query(`CREATE INDEX claims_language_idx ON claims (language text_pattern_ops)`);
    await db.query(`
      ALTER TABLE articles
        ADD COLUMN language text NOT NULL DEFAULT 'en'
          CHECK (char_length(language) BETWEEN 2 AND 64)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE articles DROP COLUMN language`);
    await db.query(`DROP INDEX claims_language_idx`);
    await db.query(`DROP INDEX claims_search_idx`);
    await db.query(`ALTER TABLE claims DROP COLUMN search`);
    await db.query(`
      ALTER TABLE claims ADD COLUMN search tsvector GENERATED ALWAYS AS (
        to_tsvector('english'::regconfig, text || ' ' || coalesce(claimant, ''))
      ) STORED`);
    await db.query(`CREATE INDEX claims_search_idx ON claims USING gin (search)`);
    await db.query(`ALTER TABLE claims DROP COLUMN search_config, DROP COLUMN language`);
  }
}
