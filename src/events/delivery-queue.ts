import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, toAuditEvent } from '../audit/audit-query.js';
import type { AuditEvent } from '../audit/audit-event.js';
import { returningRows } from './returning-rows.js';
import { SUBSCRIPTION_COLUMNS, SubscriptionRow } from './webhook-rows.js';

// The delivery queue's SQL. A subscription's cursor is a position (xid, seq) in the audit
// trail ordered by the inserting transaction's id, then seq. Every event below the
// horizon — the oldest transaction of this database still running — belongs to a
// finished transaction, so it is either visible now or never will be. The cursor only
// moves up to the horizon: an event whose transaction commits late (a lower seq than
// events already delivered) is still above the cursor and is picked up. A plain
// "seq > cursor" would skip it.

export const FAN_OUT_BATCH = 500;

// The horizon: the oldest transaction in this statement's snapshot still running in THIS
// database (else the snapshot's xmax). pg_snapshot_xmin alone would count transactions of
// every database on the server, so a long write elsewhere would hold deliveries back. A
// running transaction counts as another database's only when the lock table shows it
// holding a relation lock there (one pg_locks read, `locks`); when in doubt it counts.
const HORIZON_SQL = `
  SELECT coalesce(
           (SELECT min(x) FROM pg_snapshot_xip(s.snap) AS x
             WHERE NOT EXISTS (
               SELECT 1 FROM locks t JOIN locks r ON r.pid = t.pid
                WHERE t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted
                  AND t.transactionid = xid(x)
                  AND r.locktype = 'relation'
                  AND r.database NOT IN (
                    0, (SELECT oid FROM pg_database WHERE datname = current_database())))),
           pg_snapshot_xmax(s.snap)) AS horizon
    FROM (SELECT pg_current_snapshot() AS snap) s`;

interface WindowRow extends Partial<AuditEventRow> {
  horizon: string;
  xid: string | null;
}

export interface EventWindow {
  events: AuditEvent[];
  // Where the cursor goes once these events are enqueued.
  nextCursor: { xid: string; seq: string };
}

// The events after the cursor that belong to finished transactions and had not happened
// when the subscription began (`since`), and the horizon, read in ONE statement so they
// come from the same snapshot.
export async function readEventWindow(
  manager: EntityManager,
  cursor: { xid: string; seq: string },
  since: string,
): Promise<EventWindow> {
  const rows = (await manager.query(
    `WITH locks AS MATERIALIZED (SELECT * FROM pg_locks)
     SELECT h.horizon::text AS horizon, e.*
       FROM (${HORIZON_SQL}) h
       LEFT JOIN LATERAL (
         SELECT ${AUDIT_EVENT_COLUMNS}, xid::text AS xid
           FROM audit_events
          WHERE (xid, seq) > ($1::xid8, $2::bigint) AND xid < h.horizon
            AND NOT pg_visible_in_snapshot(xid, $3::pg_snapshot)
          ORDER BY xid, seq
          LIMIT ${FAN_OUT_BATCH}) e ON true`,
    [cursor.xid, cursor.seq, since],
  )) as WindowRow[];
  const found = rows.filter((row) => row.id != null) as (AuditEventRow & WindowRow)[];
  const last = found[found.length - 1];
  return {
    events: found.map(toAuditEvent),
    nextCursor:
      found.length === FAN_OUT_BATCH
        ? { xid: last.xid!, seq: last.seq }
        : { xid: rows[0].horizon, seq: '0' },
  };
}

export interface NewDelivery {
  messageId: string;
  eventSeq: string | null;
  type: string;
  payload: string;
}

// Enqueues deliveries and moves the cursor, in the caller's transaction (the one that
// holds the subscription's row lock): both happen or neither.
export async function enqueueAndAdvance(
  manager: EntityManager,
  subscriptionId: string,
  deliveries: NewDelivery[],
  cursor: { xid: string; seq: string },
): Promise<void> {
  if (deliveries.length > 0) {
    await manager.query(
      `INSERT INTO webhook_deliveries (id, subscription_id, message_id, event_seq, type, payload)
       SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::text[])
       ON CONFLICT (subscription_id, message_id) DO NOTHING`,
      [
        deliveries.map(() => randomUUID()),
        deliveries.map(() => subscriptionId),
        deliveries.map((delivery) => delivery.messageId),
        deliveries.map((delivery) => delivery.eventSeq),
        deliveries.map((delivery) => delivery.type),
        deliveries.map((delivery) => delivery.payload),
      ],
    );
  }
  // Never backwards: the horizon only grows, but the row comparison makes it certain.
  await manager.query(
    `UPDATE webhook_subscriptions
        SET (cursor_xid, cursor_seq) = (
          SELECT x, s FROM (VALUES (cursor_xid, cursor_seq), ($2::xid8, $3::bigint)) AS c (x, s)
           ORDER BY x DESC, s DESC LIMIT 1)
      WHERE id = $1`,
    [subscriptionId, cursor.xid, cursor.seq],
  );
}

// Active subscriptions not being worked on by another process; the row locks make one
// process at a time the owner of a subscription's cursor and of its in-flight limit.
export async function lockActiveSubscriptions(
  manager: EntityManager,
  limit: number,
): Promise<SubscriptionRow[]> {
  return (await manager.query(
    `SELECT ${SUBSCRIPTION_COLUMNS} FROM webhook_subscriptions
      WHERE active ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
    [limit],
  )) as SubscriptionRow[];
}

export interface ClaimedDelivery {
  id: string;
  subscription_id: string;
  message_id: string;
  type: string;
  payload: string;
  retry_step: number;
}

// Takes up to `limit - in flight` due deliveries of one subscription, marking them as
// being delivered until `leaseMs` from now. A lease outlives the request's timeout; one
// that expired belongs to a process that died, and its delivery is due again.
export async function claimDueDeliveries(
  manager: EntityManager,
  subscriptionId: string,
  limit: number,
  leaseMs: number,
): Promise<ClaimedDelivery[]> {
  return returningRows<ClaimedDelivery>(
    manager,
    `WITH busy AS (
       SELECT count(*)::int AS n FROM webhook_deliveries
        WHERE subscription_id = $1 AND status = 'delivering' AND lease_until > now()
     ), due AS (
       SELECT id FROM webhook_deliveries
        WHERE subscription_id = $1
          AND ((status = 'pending' AND next_attempt_at <= now())
               OR (status = 'delivering' AND lease_until <= now()))
        ORDER BY next_attempt_at, event_seq
        LIMIT greatest(0, $2 - (SELECT n FROM busy))
        FOR UPDATE SKIP LOCKED
     )
     UPDATE webhook_deliveries d
        SET status = 'delivering', lease_until = now() + $3 * interval '1 millisecond',
            attempts = attempts + 1, updated_at = now()
       FROM due WHERE d.id = due.id
     RETURNING d.id, d.subscription_id, d.message_id, d.type, d.payload, d.retry_step`,
    [subscriptionId, limit, leaseMs],
  );
}

// The delivery log keeps finished deliveries for this long (like GitHub's 30 days), so it
// stays bounded however long the service runs.
export const LOG_RETENTION_DAYS = 30;

export async function pruneDeliveryLog(manager: EntityManager): Promise<void> {
  await manager.query(
    `DELETE FROM webhook_deliveries WHERE id IN (
       SELECT id FROM webhook_deliveries
        WHERE status IN ('delivered', 'failed')
          AND updated_at < now() - $1 * interval '1 day'
        LIMIT 5000)`,
    [LOG_RETENTION_DAYS],
  );
}
