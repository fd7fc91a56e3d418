import { MigrationInterface, QueryRunner } from 'typeorm';

// Tokens may carry an expiry (SPEC §10, token lifecycle); NULL never expires.
export class TokenExpiry1764000001400 implements MigrationInterface {
  name = 'TokenExpiry1764000001400';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_tokens ADD COLUMN expires_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE api_tokens DROP COLUMN expires_at`);
  }
}
