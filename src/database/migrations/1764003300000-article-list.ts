import { MigrationInterface, QueryRunner } from 'typeorm';

// The list of ingested articles (GET /articles), newest first, with how many candidates
// each has and how many claims were filed from it:
// - articles_created_idx: the list's keyset order, (created_at, id) read backwards;
// - candidate_count: stored as the candidates are, so a page of the list does not read
//   every article's candidates (a long article's run to hundreds of kilobytes);
// - claims_article_idx: the claims filed from an article, for the list's counts and the
//   article's page. Partial: a claim submitted on its own (most are) does not maintain it.
export class ArticleList1764003300000 implements MigrationInterface {
  name = 'ArticleList1764003300000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE INDEX articles_created_idx ON articles (created_at, id)`);
    await db.query(`
      ALTER TABLE articles
        ADD COLUMN candidate_count integer
          GENERATED ALWAYS AS (jsonb_array_length(candidates)) STORED`);
    await db.query(
      `CREATE INDEX claims_article_idx ON claims (article_id) WHERE article_id IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX claims_article_idx`);
    await db.query(`ALTER TABLE articles DROP COLUMN candidate_count`);
    await db.query(`DROP INDEX articles_created_idx`);
  }
}
