import { MigrationInterface, QueryRunner } from 'typeorm';

// A replayed response repeats the original's headers too (Location, ETag), not only its body.
export class IdempotencyResponseHeaders1764000000400 implements MigrationInterface {
  name = 'IdempotencyResponseHeaders1764000000400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE idempotency_keys ADD COLUMN response_headers jsonb NOT NULL DEFAULT '{}'`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE idempotency_keys DROP COLUMN response_headers`);
  }
}
