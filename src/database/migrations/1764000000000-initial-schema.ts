import { MigrationInterface, QueryRunner } from 'typeorm';

// The whole first schema (SPEC §5). Rules live in the database as well as in the service:
// enums are check constraints, every reference is a foreign key, and the audit table is
// append-only by trigger. Every claim-scoped table carries `claim_id` (SPEC §11).
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
        email text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 320),
        roles text[] NOT NULL CHECK (
          cardinality(roles) BETWEEN 1 AND 4
          AND roles <@ ARRAY['reporter', 'editor', 'auditor', 'admin']::text[]
        ),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await db.query(`
      CREATE TABLE api_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users (id),
        token_hash char(64) NOT NULL UNIQUE,
        label text CHECK (char_length(label) <= 200),
        created_at timestamptz NOT NULL DEFAULT now(),
        last_used_at timestamptz,
        revoked_at timestamptz
      )`);
    await db.query(`CREATE INDEX api_tokens_user_id_idx ON api_tokens (user_id)`);

    await db.query(`
      CREATE TABLE articles (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text CHECK (char_length(title) <= 500),
        url text CHECK (char_length(url) <= 2048),
        outlet text CHECK (char_length(outlet) <= 200),
        published_at timestamptz,
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 200000),
        candidates jsonb NOT NULL DEFAULT '[]',
        submitted_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);

    await db.query(`
      CREATE TABLE claims (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 2000),
        claimant text CHECK (char_length(claimant) <= 500),
        claimed_at date,
        article_id uuid REFERENCES articles (id),
        span_start integer,
        span_end integer,
        appearance_url text CHECK (char_length(appearance_url) <= 2048),
        tags text[] NOT NULL DEFAULT '{}' CHECK (cardinality(tags) <= 20),
        priority text NOT NULL DEFAULT 'normal'
          CHECK (priority IN ('low', 'normal', 'high', 'urgent')),
        -- Sortable form of priority for the queue and '-priority' (urgent first).
        priority_rank smallint GENERATED ALWAYS AS (
          CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END
        ) STORED,
        status text NOT NULL DEFAULT 'submitted' CHECK (status IN (
          'submitted', 'in_review', 'verified', 'disputed', 'refuted', 'unverifiable', 'withdrawn'
        )),
        rationale text CHECK (char_length(rationale) <= 5000),
        submitted_by uuid NOT NULL REFERENCES users (id),
        assignee_id uuid REFERENCES users (id),
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz,
        version integer NOT NULL DEFAULT 1 CHECK (version >= 1),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        search tsvector GENERATED ALWAYS AS (
          to_tsvector('english'::regconfig, text || ' ' || coalesce(claimant, ''))
        ) STORED,
        CONSTRAINT claims_span_check CHECK (
          (span_start IS NULL AND span_end IS NULL)
          OR (article_id IS NOT NULL AND span_start >= 0 AND span_end > span_start)
        )
      )`);
    await db.query(`CREATE INDEX claims_created_idx ON claims (created_at, id)`);
    await db.query(`CREATE INDEX claims_status_created_idx ON claims (status, created_at, id)`);
    await db.query(
      `CREATE INDEX claims_priority_created_idx ON claims (priority_rank, created_at, id)`,
    );
    await db.query(`
      CREATE INDEX claims_queue_idx ON claims (priority_rank DESC, created_at, id)
        WHERE status IN ('submitted', 'in_review')`);
    await db.query(`CREATE INDEX claims_submitted_by_idx ON claims (submitted_by, created_at)`);
    await db.query(`CREATE INDEX claims_assignee_idx ON claims (assignee_id, created_at)`);
    await db.query(`CREATE INDEX claims_claimant_idx ON claims (lower(claimant))`);
    await db.query(`CREATE INDEX claims_article_idx ON claims (article_id)`);
    await db.query(`CREATE INDEX claims_tags_idx ON claims USING gin (tags)`);
    await db.query(`CREATE INDEX claims_search_idx ON claims USING gin (search)`);
    await db.query(`CREATE INDEX claims_text_trgm_idx ON claims USING gin (text gin_trgm_ops)`);

    await db.query(`
      CREATE TABLE sources (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN (
          'official_statement', 'document', 'dataset', 'media_report',
          'social_media', 'eyewitness', 'expert', 'other'
        )),
        title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
        url text CHECK (char_length(url) <= 2048),
        normalized_url text UNIQUE,
        publisher text CHECK (char_length(publisher) <= 200),
        published_at timestamptz,
        notes text CHECK (char_length(notes) <= 5000),
        created_by uuid NOT NULL REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX sources_created_idx ON sources (created_at, id)`);

    await db.query(`
      CREATE TABLE claim_sources (
        claim_id uuid NOT NULL REFERENCES claims (id),
        source_id uuid NOT NULL REFERENCES sources (id),
        stance text NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
        note text CHECK (char_length(note) <= 2000),
        attached_by uuid NOT NULL REFERENCES users (id),
        attached_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (claim_id, source_id)
      )`);
    await db.query(`CREATE INDEX claim_sources_source_idx ON claim_sources (source_id)`);

    await db.query(`
      CREATE TABLE comments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        claim_id uuid NOT NULL REFERENCES claims (id),
        author_id uuid NOT NULL REFERENCES users (id),
        body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await db.query(`CREATE INDEX comments_claim_idx ON comments (claim_id, created_at, id)`);

    // One row per (user, Idempotency-Key): the primary key makes concurrent retries race on
    // the insert, so exactly one of them does the work.
    await db.query(`
      CREATE TABLE idempotency_keys (
        user_id uuid NOT NULL REFERENCES users (id),
        key text NOT NULL CHECK (char_length(key) BETWEEN 1 AND 255),
        scope text NOT NULL,
        request_hash char(64) NOT NULL,
        response_status integer,
        response_body jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (user_id, key)
      )`);
    await db.query(`CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at)`);

    // The audit trail (SPEC §6). `chain` is the claim id, or 'system' for user and token
    // events. The unique (chain, prev_hash) pair makes a forked chain impossible even if
    // two writers raced past the service's own locking.
    await db.query(`
      CREATE TABLE audit_events (
        seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        id uuid NOT NULL UNIQUE,
        chain text NOT NULL,
        claim_id uuid REFERENCES claims (id),
        type text NOT NULL CHECK (type IN (
          'claim.submitted', 'claim.edited', 'claim.transitioned', 'claim.assigned',
          'evidence.attached', 'evidence.detached', 'comment.added',
          'user.created', 'user.updated', 'token.issued', 'token.revoked'
        )),
        actor_id uuid NOT NULL,
        actor jsonb NOT NULL,
        at timestamptz NOT NULL,
        from_status text,
        to_status text,
        rationale text,
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64) NOT NULL,
        hash char(64) NOT NULL UNIQUE,
        CONSTRAINT audit_events_chain_check CHECK (
          (claim_id IS NULL AND chain = 'system') OR chain = claim_id::text
        ),
        CONSTRAINT audit_events_chain_link_key UNIQUE (chain, prev_hash)
      )`);
    await db.query(`CREATE INDEX audit_events_chain_idx ON audit_events (chain, seq)`);
    await db.query(`CREATE INDEX audit_events_actor_idx ON audit_events (actor_id, seq)`);
    await db.query(`CREATE INDEX audit_events_type_idx ON audit_events (type, seq)`);
    await db.query(`CREATE INDEX audit_events_at_idx ON audit_events (at, seq)`);

    // Append-only, enforced by PostgreSQL. ENABLE ALWAYS keeps the triggers firing even
    // under session_replication_role = replica.
    await db.query(`
      CREATE FUNCTION audit_events_reject_change() RETURNS trigger
      LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await db.query(`
      CREATE TRIGGER audit_events_no_update_delete
        BEFORE UPDATE OR DELETE ON audit_events
        FOR EACH ROW EXECUTE FUNCTION audit_events_reject_change()`);
    await db.query(`
      CREATE TRIGGER audit_events_no_truncate
        BEFORE TRUNCATE ON audit_events
        FOR EACH STATEMENT EXECUTE FUNCTION audit_events_reject_change()`);
    await db.query(`ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_no_update_delete`);
    await db.query(`ALTER TABLE audit_events ENABLE ALWAYS TRIGGER audit_events_no_truncate`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_events`);
    await db.query(`DROP FUNCTION audit_events_reject_change()`);
    await db.query(`DROP TABLE idempotency_keys`);
    await db.query(`DROP TABLE comments`);
    await db.query(`DROP TABLE claim_sources`);
    await db.query(`DROP TABLE sources`);
    await db.query(`DROP TABLE claims`);
    await db.query(`DROP TABLE articles`);
    await db.query(`DROP TABLE api_tokens`);
    await db.query(`DROP TABLE users`);
  }
}
