import { MigrationInterface, QueryRunner } from 'typeorm';

// Every audit event type the trail accepts, whichever branch's migration runs last: the
// list is written out whole (SPEC §6 types, webhooks' and publishing's), so merging
// migrations in any order loses no one's types.
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
];
const WITHOUT_PUBLISHING = ALL_TYPES.filter((type) => !type.startsWith('publication.'));

const typeCheck = (types: string[]) =>
  `ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check
     CHECK (type IN (${types.map((type) => `'${type}'`).join(', ')}))`;

// Public fact-checks (SPEC §12): one publication per claim (its draft, slug and state) and
// its published versions, each a frozen snapshot of what readers saw.
export class Publications1764000002000 implements MigrationInterface {
  name = 'Publications1764000002000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE publications (
        claim_id uuid PRIMARY KEY REFERENCES claims (id),
        slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9-]{3,80}$'),
        status text NOT NULL DEFAULT 'draft'
          CHECK (status IN ('draft', 'published', 'retracted')),
        version integer NOT NULL DEFAULT 1,
        draft jsonb NOT NULL,
        first_published_at timestamptz,
        retracted_at timestamptz,
        retraction_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`
      CREATE TABLE publication_versions (
        claim_id uuid NOT NULL REFERENCES publications (claim_id),
        number integer NOT NULL CHECK (number >= 1),
        kind text NOT NULL CHECK (kind IN ('publication', 'correction')),
        published_at timestamptz NOT NULL,
        published_by uuid NOT NULL REFERENCES users (id),
        correction text,
        snapshot jsonb NOT NULL,
        -- json, not jsonb: kept byte for byte (key order included) as it was published
        claim_review json NOT NULL,
        PRIMARY KEY (claim_id, number),
        CHECK ((kind = 'correction') = (correction IS NOT NULL))
      )`);
    // The public list and feeds: newest publications first, keyset by (time, claim).
    await db.query(`
      CREATE INDEX publications_published_idx ON publications (first_published_at DESC, claim_id)
        WHERE status = 'published'`);
    await db.query(
      `CREATE INDEX publication_versions_published_at_idx
         ON publication_versions (published_at DESC, claim_id, number)`,
    );
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(ALL_TYPES));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(WITHOUT_PUBLISHING));
    await db.query(`DROP TABLE publication_versions`);
    await db.query(`DROP TABLE publications`);
  }
}
