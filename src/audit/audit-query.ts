import pg from 'pg';
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

export const AUDIT_EVENT_COLUMNS = `seq::text AS seq, id, claim_id, type, actor,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  from_status, to_status, rationale, data, prev_hash, hash`;

// The export's CSV columns, named as in the export and in the same order, for PostgreSQL
// to encode itself (COPY … CSV): `actor` and `data` as JSON text, null as an empty cell.
// The hash comes last but for one column that is always NULL, an empty cell: the export
// finds record ends by the two and puts the CR in that cell's comma's place
// (export/crlf-line-ends.ts).
// A spreadsheet runs a cell that begins with = + - @ (or a tab or CR before one) as a
// formula: such a cell gets a leading ' (SPEC §10, docs/audit.md). The rationale is the only
// free text that can begin a cell; the others begin with a digit, a hex digit, a letter of
// a fixed name or JSON's `{`. One comparison of the first character per row keeps COPY's
// throughput; NDJSON and JSON stay exact.
const FORMULA_START = `left(rationale, 1) IN ('=', '+', '-', '@', E'\\t', E'\\r')`;
const CSV_COLUMNS = `seq, id, claim_id AS "claimId", type, actor::text AS actor,
  to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
  from_status AS "fromStatus", to_status AS "toStatus",
  CASE WHEN ${FORMULA_START} THEN '''' || rationale ELSE rationale END AS rationale,
  data::text AS data, prev_hash AS "prevHash", hash, NULL AS "recordEnd"`;

// One export-shaped JSON object per event, built by PostgreSQL (for NDJSON over COPY).
// PostgreSQL escapes every control character in JSON text, so a line never contains a raw
// newline.
const JSON_LINE_COLUMN = `json_build_object(
  'seq', seq::text, 'id', id, 'claimId', claim_id, 'type', type, 'actor', actor,
  'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'fromStatus', from_status, 'toStatus', to_status, 'rationale', rationale, 'data', data,
  'prevHash', prev_hash, 'hash', hash)::text`;

const SELECTED = { events: AUDIT_EVENT_COLUMNS, csv: CSV_COLUMNS, jsonLines: JSON_LINE_COLUMN };

export interface SqlQuery {
  text: string;
  values: unknown[];
}

// The events matching the filters, oldest first, after `afterSeq` when paging. Every
// filter is served by an index that ends in seq (see the initial migration).
export function selectAuditEvents(
  filters: AuditFilterQuery,
  page?: { afterSeq?: string; limit: number },
  options: { shape?: keyof typeof SELECTED } = {},
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

  let text = `SELECT ${SELECTED[options.shape ?? 'events']} FROM audit_events`;
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
// COPY takes no bind parameters: the (already validated) filter values are inlined as
// literals quoted by the driver. One pass over the text, so $1 never eats the start of
// $10 and nothing inside an inlined literal (a `$2`, a `$'`) is ever read as a placeholder.
export function inlineParameters({ text, values }: SqlQuery): string {
  return text.replace(/\$(\d+)/g, (placeholder, index: string) =>
    Number(index) >= 1 && Number(index) <= values.length
      ? pg.escapeLiteral(String(values[Number(index) - 1]))
      : placeholder,
  );
}
