import { MigrationInterface, QueryRunner } from 'typeorm';

// Every audit event type the trail accepts, whichever branch's migration runs last: the
// list is written out whole, so merging migrations in any order loses no one's types.
const ALL_TYPES = [
  'claim.submitted',
  'claim.edited',
  'claim.transitioned',
  'claim.assigned',
  'evidence.attached',
  'evidence.detached',
  'comment.added',
  'user.created',
  'user.updated',
  'token.issued',
  'token.revoked',
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
  'publication.published',
  'publication.corrected',
  'publication.retracted',
  'claimant.created',
  'claimant.edited',
];
const WITHOUT_CLAIMANTS = ALL_TYPES.filter((type) => !type.startsWith('claimant.'));

const typeCheck = (types: string[]) =>
  `ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check
     CHECK (type IN (${types.map((type) => `'${type}'`).join(', ')}))`;

// Claimants (SPEC §15): who makes claims, as entities with aliases and a track record.
// Every name a claimant is known by (its name and each alias) is a row of claimant_names,
// so one unique index keeps names unique case-insensitively within a type across all
// claimants, and one trigram index serves the search over names and aliases alike.
export class Claimants1764002400000 implements MigrationInterface {
  name = 'Claimants1764002400000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE claimants (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        type text NOT NULL CHECK (type IN ('Person', 'Organization')),
        aliases text[] NOT NULL DEFAULT '{}',
        same_as text[] NOT NULL DEFAULT '{}',
        description text,
        version integer NOT NULL DEFAULT 1,
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX claimants_created_idx ON claimants (created_at DESC, id DESC)`);
    await db.query(`
      CREATE TABLE claimant_names (
        claimant_id uuid NOT NULL REFERENCES claimants (id) ON DELETE CASCADE,
        -- the claimant's type, repeated so that uniqueness can be per type
        type text NOT NULL CHECK (type IN ('Person', 'Organization')),
        name text NOT NULL,
        is_alias boolean NOT NULL
      )`);
    await db.query(
      `CREATE UNIQUE INDEX claimant_names_unique_idx ON claimant_names (type, lower(name))`,
    );
    await db.query(`CREATE INDEX claimant_names_claimant_idx ON claimant_names (claimant_id)`);
    await db.query(
      `CREATE INDEX claimant_names_trgm_idx ON claimant_names USING gin (name gin_trgm_ops)`,
    );
    // The claim's link to a claimant (the free-text claimant stays for display). The
    // partial index serves the track record: decided claims of one claimant, newest first.
    await db.query(`ALTER TABLE claims ADD COLUMN claimant_id uuid REFERENCES claimants (id)`);
    await db.query(
      `CREATE INDEX claims_claimant_id_idx ON claims (claimant_id, created_at DESC, id)
         WHERE claimant_id IS NOT NULL`,
    );
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(ALL_TYPES));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(WITHOUT_CLAIMANTS));
    await db.query(`DROP INDEX claims_claimant_id_idx`);
    await db.query(`ALTER TABLE claims DROP COLUMN claimant_id`);
    await db.query(`DROP TABLE claimant_names`);
    await db.query(`DROP TABLE claimants`);
  }
}
