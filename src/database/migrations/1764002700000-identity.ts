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
  'invitation.issued',
  'passkey.registered',
  'passkey.removed',
  'session.signed_in',
  'session.signed_out',
  'session.revoked',
];
const IDENTITY_TYPES = /^(invitation|passkey|session)\./;
const WITHOUT_IDENTITY = ALL_TYPES.filter((type) => !IDENTITY_TYPES.test(type));

const typeCheck = (types: string[]) =>
  `ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check
     CHECK (type IN (${types.map((type) => `'${type}'`).join(', ')}))`;

// People sign in (SPEC §16): server-side sessions behind a cookie, invitations that let a
// person register a passkey, their passkeys, and the WebAuthn challenges in flight. Every
// secret (session cookie, invitation link) is stored only as its SHA-256.
export class Identity1764002700000 implements MigrationInterface {
  name = 'Identity1764002700000';

  async up(db: QueryRunner): Promise<void> {
    // `id` is the session's public handle (listed, revoked by id); the cookie carries a
    // separate 32-byte random secret, of which only the hash is kept.
    await db.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        secret_hash char(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id),
        method text NOT NULL CHECK (method IN ('passkey', 'oidc', 'token')),
        created_at timestamptz NOT NULL,
        last_seen_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        user_agent text,
        address text
      )`);
    await db.query(
      `CREATE INDEX sessions_user_idx ON sessions (user_id, created_at DESC) WHERE revoked_at IS NULL`,
    );
    await db.query(`
      CREATE TABLE invitations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        token_hash char(64) NOT NULL UNIQUE,
        user_id uuid NOT NULL REFERENCES users (id),
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        used_at timestamptz
      )`);
    await db.query(`
      CREATE TABLE passkeys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        credential_id text NOT NULL UNIQUE,
        public_key bytea NOT NULL,
        counter bigint NOT NULL DEFAULT 0,
        transports text[] NOT NULL DEFAULT '{}',
        device_type text NOT NULL,
        backed_up boolean NOT NULL,
        label text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz
      )`);
    await db.query(`CREATE INDEX passkeys_user_idx ON passkeys (user_id)`);
    // A challenge is used once: verification deletes it. `user_id` is who may answer a
    // registration challenge; an authentication challenge names no one (discoverable keys).
    await db.query(`
      CREATE TABLE webauthn_challenges (
        challenge text PRIMARY KEY,
        purpose text NOT NULL CHECK (purpose IN ('registration', 'authentication')),
        user_id uuid REFERENCES users (id),
        invitation_id uuid REFERENCES invitations (id),
        expires_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX webauthn_challenges_expiry_idx ON webauthn_challenges (expires_at)`,
    );
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(ALL_TYPES));
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(typeCheck(WITHOUT_IDENTITY));
    await db.query(`DROP TABLE webauthn_challenges`);
    await db.query(`DROP TABLE passkeys`);
    await db.query(`DROP TABLE invitations`);
    await db.query(`DROP TABLE sessions`);
  }
}
