import { MigrationInterface, QueryRunner } from 'typeorm';

const EVENT_TYPES_BEFORE = [
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
];
const WEBHOOK_EVENT_TYPES = [
  'webhook.created',
  'webhook.updated',
  'webhook.deleted',
  'webhook.disabled',
];

const typeCheck = (types: string[]) =>
  `CHECK (type IN (${types.map((type) => `'${type}'`).join(', ')}))`;

// Events out (SPEC §13). Deliveries are fed by a per-subscription cursor over the audit
// trail, so no writer changes: `audit_events.xid` records the inserting transaction, which
// lets the cursor advance only past transactions that have finished (docs/webhooks.md).
export class Webhooks1764000000600 implements MigrationInterface {
  name = 'Webhooks1764000000600';

  async up(db: QueryRunner): Promise<void> {
    // Added without a default first, then given one: no table rewrite, and events written
    // before this migration keep a null xid (no subscription can be older than them).
    await db.query(`ALTER TABLE audit_events ADD COLUMN xid xid8`);
    await db.query(`ALTER TABLE audit_events ALTER COLUMN xid SET DEFAULT pg_current_xact_id()`);
    await db.query(`CREATE INDEX audit_events_xid_idx ON audit_events (xid, seq)`);
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check
         ${typeCheck([...EVENT_TYPES_BEFORE, ...WEBHOOK_EVENT_TYPES])}`,
    );

    await db.query(`
      CREATE TABLE webhook_subscriptions (
        id uuid PRIMARY KEY,
        url text NOT NULL CHECK (char_length(url) BETWEEN 1 AND 2048),
        events text[] NOT NULL CHECK (cardinality(events) BETWEEN 1 AND 50),
        format text NOT NULL CHECK (format IN ('standard', 'slack')),
        filter jsonb NOT NULL DEFAULT '{}',
        description text CHECK (char_length(description) <= 500),
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        disabled_reason text,
        cursor_xid xid8 NOT NULL,
        cursor_seq bigint NOT NULL DEFAULT 0,
        -- The snapshot of the transaction that subscribed (or resumed): events visible in
        -- it happened before and are not sent.
        since_snapshot pg_snapshot NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    // One row per message to one subscription; `message_id` is the webhook-id (the audit
    // event's id, or a fresh id for a ping), unique per subscription so a message is
    // never enqueued twice.
    await db.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY,
        subscription_id uuid NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
        message_id uuid NOT NULL,
        event_seq bigint,
        type text NOT NULL,
        payload text NOT NULL,
        status text NOT NULL DEFAULT 'pending'
          CHECK (status IN ('pending', 'delivering', 'delivered', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        retry_step integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        lease_until timestamptz,
        last_status_code integer,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT webhook_deliveries_message_key UNIQUE (subscription_id, message_id)
      )`);
    await db.query(`
      CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries
        (subscription_id, next_attempt_at) WHERE status IN ('pending', 'delivering')`);
    // Finished deliveries are pruned after 30 days (src/events/delivery-queue.ts).
    await db.query(`
      CREATE INDEX webhook_deliveries_finished_idx ON webhook_deliveries (updated_at)
        WHERE status IN ('delivered', 'failed')`);
    await db.query(`
      CREATE INDEX webhook_deliveries_log_idx ON webhook_deliveries
        (subscription_id, created_at DESC, id DESC)`);

    await db.query(`
      CREATE TABLE webhook_attempts (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        delivery_id uuid NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
        at timestamptz NOT NULL DEFAULT now(),
        duration_ms integer NOT NULL,
        status_code integer,
        error text,
        response_body text CHECK (octet_length(response_body) <= 4096)
      )`);
    await db.query(
      `CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE webhook_attempts`);
    await db.query(`DROP TABLE webhook_deliveries`);
    await db.query(`DROP TABLE webhook_subscriptions`);
    // Webhook events cannot be deleted (append-only), so the old check is not re-validated.
    await db.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_type_check`);
    await db.query(
      `ALTER TABLE audit_events ADD CONSTRAINT audit_events_type_check
         ${typeCheck(EVENT_TYPES_BEFORE)} NOT VALID`,
    );
    await db.query(`DROP INDEX audit_events_xid_idx`);
    await db.query(`ALTER TABLE audit_events DROP COLUMN xid`);
  }
}
