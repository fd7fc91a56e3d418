import type {
  DeliveryAttemptView,
  DeliveryStatus,
  DeliveryView,
  WebhookView,
} from './dto/webhook.dto.js';
import type { SubscriptionFilter } from './event-selection.js';
import type { WebhookFormat } from './message-body.js';

// The rows of webhook_subscriptions, webhook_deliveries and webhook_attempts as the
// events room selects them, and their API views.
export const SUBSCRIPTION_COLUMNS = `id, url, events, format, filter, description, secret, active,
  disabled_reason, cursor_xid::text AS cursor_xid, cursor_seq::text AS cursor_seq,
  since_snapshot::text AS since_snapshot,
  created_at, updated_at`;

export interface SubscriptionRow {
  id: string;
  url: string;
  events: string[];
  format: WebhookFormat;
  filter: SubscriptionFilter;
  description: string | null;
  secret: string;
  active: boolean;
  disabled_reason: string | null;
  cursor_xid: string;
  cursor_seq: string;
  since_snapshot: string;
  created_at: Date;
  updated_at: Date;
}

export const toWebhookView = (row: SubscriptionRow): WebhookView => ({
  id: row.id,
  url: row.url,
  events: row.events,
  format: row.format,
  filter: row.filter,
  description: row.description,
  active: row.active,
  disabledReason: row.disabled_reason,
  createdAt: row.created_at.toISOString(),
  updatedAt: row.updated_at.toISOString(),
});

export const DELIVERY_COLUMNS = `d.id, d.subscription_id, d.message_id, d.event_seq::text AS event_seq,
  d.type, d.status, d.next_attempt_at, d.last_status_code, d.last_error, d.created_at,
  coalesce((SELECT json_agg(a ORDER BY a.id) FROM (
      SELECT id, at, status_code, duration_ms, error, response_body FROM webhook_attempts
       WHERE delivery_id = d.id ORDER BY id DESC LIMIT 50) a), '[]') AS attempts`;

export interface DeliveryRow {
  id: string;
  subscription_id: string;
  message_id: string;
  event_seq: string | null;
  type: string;
  status: DeliveryStatus;
  next_attempt_at: Date;
  last_status_code: number | null;
  last_error: string | null;
  created_at: Date;
  attempts: {
    at: string;
    status_code: number | null;
    duration_ms: number;
    error: string | null;
    response_body: string | null;
  }[];
}

const toAttemptView = (attempt: DeliveryRow['attempts'][number]): DeliveryAttemptView => ({
  at: new Date(attempt.at).toISOString(),
  statusCode: attempt.status_code,
  durationMs: attempt.duration_ms,
  error: attempt.error,
  responseBody: attempt.response_body,
});

export const toDeliveryView = (row: DeliveryRow): DeliveryView => ({
  id: row.id,
  webhookId: row.subscription_id,
  messageId: row.message_id,
  eventSeq: row.event_seq,
  type: row.type,
  status: row.status,
  nextAttemptAt: row.status === 'pending' ? row.next_attempt_at.toISOString() : null,
  lastStatusCode: row.last_status_code,
  lastError: row.last_error,
  createdAt: row.created_at.toISOString(),
  attempts: row.attempts.map(toAttemptView),
});
