import pg from 'pg';
import { withClient } from './postgres.js';

// The lean baseline's schema (SPEC §9): the tables the benchmarked requests touch, with
// the columns the service's tables have (so rows weigh the same), and only primary keys,
// the token lookup's unique hash, one keyset index per table and the chain's unique
// (chain, prev_hash) index. No generated search vector, no GIN indexes, no foreign keys,
// no check constraints, no triggers: what same-schema ÷ lean measures is what those cost.
// The seeder (bench/lib/seed.ts) writes to it as it writes to the service's database.
const LEAN_SCHEMA = `
  CREATE TABLE users (
    id uuid PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL,
    roles text[] NOT NULL,
    active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE api_tokens (
    id uuid PRIMARY KEY,
    user_id uuid NOT NULL,
    token_hash char(64) NOT NULL UNIQUE,
    created_at timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at timestamptz,
    expires_at timestamptz
  );
  CREATE TABLE claims (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    text text NOT NULL,
    claimant text,
    claimant_id uuid,
    claimed_at date,
    article_id uuid,
    span_start integer,
    span_end integer,
    appearance_url text,
    tags text[] NOT NULL DEFAULT '{}',
    priority text NOT NULL DEFAULT 'normal',
    priority_rank smallint GENERATED ALWAYS AS (
      CASE priority WHEN 'urgent' THEN 3 WHEN 'high' THEN 2 WHEN 'normal' THEN 1 ELSE 0 END
    ) STORED,
    status text NOT NULL DEFAULT 'submitted',
    rationale text,
    submitted_by uuid NOT NULL,
    assignee_id uuid,
    decided_by uuid,
    decided_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    due_at timestamptz,
    merged_into uuid,
    language text NOT NULL DEFAULT 'en'
  );
  CREATE INDEX claims_queue_idx ON claims (priority_rank DESC, created_at, id)
    WHERE status IN ('submitted', 'in_review');
  CREATE TABLE sources (
    id uuid PRIMARY KEY,
    kind text NOT NULL,
    title text NOT NULL,
    url text,
    normalized_url text,
    publisher text,
    published_at timestamptz,
    notes text,
    created_by uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
  );
  CREATE TABLE claim_sources (
    claim_id uuid NOT NULL,
    source_id uuid NOT NULL,
    stance text NOT NULL,
    note text,
    attached_by uuid NOT NULL,
    attached_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (claim_id, source_id)
  );
  CREATE TABLE audit_events (
    seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    id uuid NOT NULL,
    chain text NOT NULL,
    claim_id uuid,
    type text NOT NULL,
    actor_id uuid NOT NULL,
    actor jsonb NOT NULL,
    at timestamptz NOT NULL,
    from_status text,
    to_status text,
    rationale text,
    data jsonb NOT NULL DEFAULT '{}',
    prev_hash char(64) NOT NULL,
    hash char(64) NOT NULL,
    CONSTRAINT audit_events_chain_link_key UNIQUE (chain, prev_hash)
  );`;

// Creates the lean schema on an empty database (as its owner) and copies the load's people
// and their tokens from the service's database, so the same bearer tokens work on both.
export async function createLeanDatabase(leanUrl: string, serviceOwnerUrl: string) {
  const people = await withClient(serviceOwnerUrl, async (client) => ({
    users: (await client.query(`SELECT id, name, email, roles, active FROM users`)).rows,
    tokens: (
      await client.query(`SELECT id, user_id, token_hash, revoked_at, expires_at FROM api_tokens`)
    ).rows,
  }));
  await withClient(leanUrl, async (client: pg.Client) => {
    await client.query(LEAN_SCHEMA);
    for (const user of people.users) {
      await client.query(
        `INSERT INTO users (id, name, email, roles, active) VALUES ($1, $2, $3, $4, $5)`,
        [user.id, user.name, user.email, user.roles, user.active],
      );
    }
    for (const token of people.tokens) {
      await client.query(
        `INSERT INTO api_tokens (id, user_id, token_hash, revoked_at, expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [token.id, token.user_id, token.token_hash, token.revoked_at, token.expires_at],
      );
    }
  });
}
