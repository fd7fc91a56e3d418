import { MigrationInterface, QueryRunner } from 'typeorm';

// Every index on the write path is paid for by every insert; these two serve no query
// (bench/README.md, "Indexes", lists each index with the query that needs it and its plan):
// - claims_article_idx: nothing filters or joins claims by article_id (a claim's article
//   is read through articles' primary key), and articles are never deleted, so no foreign
//   key check looks the other way either;
// - audit_events_hash_key: nothing looks an event up by its hash, and the hash covers the
//   event's id, so a repeated hash means a repeated id, which audit_events_id_key already
//   refuses. The guarantees stay: the unique (chain, prev_hash) still makes a fork
//   impossible, the unique id a repeated event.
export class DropUnusedIndexes1764002900000 implements MigrationInterface {
  name = 'DropUnusedIndexes1764002900000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX claims_article_idx`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_hash_key`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events ADD CONSTRAINT audit_events_hash_key UNIQUE (hash)`);
    await db.query(`CREATE INDEX claims_article_idx ON claims (article_id)`);
  }
}
