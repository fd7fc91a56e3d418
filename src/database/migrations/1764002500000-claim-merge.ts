import { MigrationInterface, QueryRunner } from 'typeorm';

// Every audit event type the trail accepts, written out whole (see the publications
// migration): merging adds claim.merged (on the merged claim's chain) and claim.absorbed
// (on the chain of the claim it went into).
const ALL_TYPES = [
  'claim.submitted',
  'claim.edited',
  'claim.transitioned',
  'claim.assigned',
  'claim.merged',
  'claim.absorbed',
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
const WITHOUT_MERGE = ALL_TYPES.filter(
  (type) => type !== 'claim.merged' && type !== 'claim.absorbed',
);

const STATUSES = [
  'submitted',
  'in_review',
  'verified',
  'disputed',
  'refuted',
  'unverifiable',
  'withdrawn',
  'merged',
];
const WITHOUT_MERGED = STATUSES.filter((status) => status !== 'merged');

const list = (values: string[]) => values.map((value) => `'${value}'`).join(', ');
const typeCheck = (types: string[]) =>
  `ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check CHECK (type IN (${list(types)}))`;
const statusCheck = (statuses: string[]) =>
  `ALTER TABLE claims ADD CONSTRAINT claims_status_check CHECK (status IN (${list(statuses)}))`;

// Duplicates and merging (SPEC §15). A merged claim points at the claim it went into;
// the pointer exists exactly when the status is `merged`, and never at the claim itself.
// The duplicate lookup at submission needs no new index: claims_text_trgm_idx (GIN,
// gin_trgm_ops, initial migration) serves `text % $1`; docs/duplicates.md shows the plan.
export class ClaimMerge1764002500000 implements MigrationInterface {
  name = 'ClaimMerge1764002500000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE claims DROP CONSTRAINT claims_status_check`);
    await db.query(statusCheck(STATUSES));
    await db.query(`ALTER TABLE claims ADD COLUMN merged_into uuid REFERENCES claims (id)`);
    await db.query(`
      ALTER TABLE claims ADD CONSTRAINT claims_merged_into_check CHECK (
        (status = 'merged') = (merged_into IS NOT NULL) AND merged_into <> id
      )`);
    // "Which claims were merged into this one": the target's publication and page.
    await db.query(
      `CREATE INDEX claims_merged_into_idx ON claims (merged_into) WHERE merged_into IS NOT NULL`,
    );
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(ALL_TYPES));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(WITHOUT_MERGE));
    await db.query(`DROP INDEX claims_merged_into_idx`);
    await db.query(`ALTER TABLE claims DROP CONSTRAINT claims_merged_into_check`);
    await db.query(`ALTER TABLE claims DROP COLUMN merged_into`);
    await db.query(`ALTER TABLE claims DROP CONSTRAINT claims_status_check`);
    await db.query(statusCheck(WITHOUT_MERGED));
  }
}
