import { MigrationInterface, QueryRunner } from 'typeorm';

// Team workflow (SPEC §14): a claim may carry a due date. The review queue sorted by due
// date (nulls last) and filtered by `overdue`/`dueBefore` reads this partial index in order;
// without it every page would sort all open claims.
export class TeamWorkflow1764000002200 implements MigrationInterface {
  name = 'TeamWorkflow1764000002200';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE claims ADD COLUMN due_at timestamptz`);
    await db.query(`
      CREATE INDEX claims_queue_due_idx
        ON claims ((coalesce(due_at, 'infinity'::timestamptz)), priority_rank DESC, created_at, id)
        WHERE status IN ('submitted', 'in_review')`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX claims_queue_due_idx`);
    await db.query(`ALTER TABLE claims DROP COLUMN due_at`);
  }
}
