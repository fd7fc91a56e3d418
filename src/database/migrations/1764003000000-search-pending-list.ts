import { MigrationInterface, QueryRunner } from 'typeorm';

// The duplicate lookup searches claims_search_idx on every submission (SPEC §15). A GIN
// index with fastupdate keeps fresh entries in a pending list that every search reads from
// end to end until it is merged into the index; under a steady stream of submissions that
// list grew towards the 4 MB default and each lookup read it all. A 64 kB limit keeps
// inserts as cheap (they still append) and the list short (bench/README.md, "GIN
// maintenance": service submissions 90 → 157 a second, PostgreSQL 18.6 → 10.3 ms each).
export class SearchPendingList1764003000000 implements MigrationInterface {
  name = 'SearchPendingList1764003000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX claims_search_idx SET (gin_pending_list_limit = 64)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER INDEX claims_search_idx RESET (gin_pending_list_limit)`);
  }
}
