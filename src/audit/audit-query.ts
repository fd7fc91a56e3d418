import type { AuditActor, AuditEvent, AuditEventType } from './audit-event.js';
import type { AuditFilterQuery } from './dto/audit-query.dto.js';

// One row of audit_events as the read side selects it: `at` is formatted by PostgreSQL
// exactly as the hashed event has it (ISO-8601 UTC, milliseconds), so nothing is lost
// or reformatted on the way to an export.
export interface AuditEventRow {
  seq: string;
  id: string;
  claim_id: string | null;
  type: AuditEventType;
  actor: AuditActor;
  at: string;
  from_status: string | null;
  to_status: string | null;
  rationale: string | null;
  data: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

// `jsonAsText` leaves actor and data as PostgreSQL's JSON text (for CSV, which prints them
// as text anyway): parsing and re-serialising millions of them is most of an export's
// garbage.
export const auditEventColumns = (jsonAsText = false) => `seq::text AS seq, id, claim_id, type,
  ${jsonAsText ? 'actor::text AS actor' : 'actor'},
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  from_status, to_status, rationale, ${jsonAsText ? 'data::text AS data' : 'data'},
  prev_hash, hash`;

export interface SqlQuery {
  text: string;
  values: unknown[];
}

// The events matching the filters, oldest first, after `afterSeq` when paging. Every
// filter is served by an index that ends in seq (see the initial migration).
export function selectAuditEvents(
  filters: AuditFilterQuery,
  page?: { afterSeq?: string; limit: number },
  options: { jsonAsText?: boolean } = {},
): SqlQuery {
  const values: unknown[] = [];
  const where: string[] = [];
  const add = (condition: (placeholder: string) => string, value: unknown) => {
    values.push(value);
    where.push(condition(`$${values.length}`));
  };
  if (filters.claimId) add((p) => `chain = ${p}`, filters.claimId);
  if (filters.actorId) add((p) => `actor_id = ${p}`, filters.actorId);
  if (filters.type) add((p) => `type = ${p}`, filters.type);
  if (filters.from) add((p) => `at >= ${p}::timestamptz`, filters.from);
  if (filters.to) add((p) => `at < ${p}::timestamptz`, filters.to);
  if (page?.afterSeq) add((p) => `seq > ${p}::bigint`, page.afterSeq);

  let text = `SELECT ${auditEventColumns(options.jsonAsText ?? false)} FROM audit_events`;
  if (where.length) text += ` WHERE ${where.join(' AND ')}`;
  text += ' ORDER BY audit_events.seq';
  if (page) {
    values.push(page.limit + 1);
    text += ` LIMIT $${values.length}`;
  }
  return { text, values };
}

// The export shape of an event (SPEC §6): the same fields, in the same order, that the
// hash covers, plus seq and hash.
export const toAuditEvent = (row: AuditEventRow): AuditEvent => ({
  seq: row.seq,
  id: row.id,
  claimId: row.claim_id,
  type: row.type,
  actor: row.actor,
  at: row.at,
  fromStatus: row.from_status,
  toStatus: row.to_status,
  rationale: row.rationale,
  data: row.data,
  prevHash: row.prev_hash,
  hash: row.hash,
});

export const AUDIT_EVENT_FIELDS = [
  'seq',
  'id',
  'claimId',
  'type',
  'actor',
  'at',
  'fromStatus',
  'toStatus',
  'rationale',
  'data',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEvent)[];
