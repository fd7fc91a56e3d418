import { Transform } from 'node:stream';
import { AUDIT_EVENT_FIELDS, AuditEventRow, toAuditEvent } from '../audit-query.js';
import type { ExportFormat } from '../dto/audit-query.dto.js';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

// Rows are formatted in batches and pushed as ~64 KB chunks: one write per event would
// cost more in stream overhead than the formatting itself.
const CHUNK_BYTES = 64 * 1024;

// Turns a stream of audit_events rows into the bytes of one export format. It applies
// back-pressure like any Transform: when the client reads slowly, so does the cursor.
export function exportFormatter(format: ExportFormat): Transform {
  const encode = ENCODERS[format]();
  let pending = '';
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 256,
    transform(row: AuditEventRow, _encoding, done) {
      pending += encode.event(row);
      if (pending.length >= CHUNK_BYTES) {
        this.push(pending);
        pending = '';
      }
      done();
    },
    flush(done) {
      this.push(pending + encode.end());
      done();
    },
  });
}

interface Encoder {
  event(row: AuditEventRow): string;
  end(): string;
}

const ENCODERS: Record<ExportFormat, () => Encoder> = {
  ndjson: () => ({ event: (row) => JSON.stringify(toAuditEvent(row)) + '\n', end: () => '' }),

  json: () => {
    let first = true;
    return {
      event(row) {
        const prefix = first ? '[\n' : ',\n';
        first = false;
        return prefix + JSON.stringify(toAuditEvent(row));
      },
      end: () => (first ? '[]\n' : '\n]\n'),
    };
  },

  // RFC 4180 (CRLF line ends, quoted where needed) with a header row; `actor` and `data`
  // as JSON text; an empty cell is null.
  csv: () => {
    let header = true;
    const headerLine = () => {
      header = false;
      return AUDIT_EVENT_FIELDS.join(',') + '\r\n';
    };
    return {
      event(row) {
        const line = csvRecord(row).map(csvCell).join(',') + '\r\n';
        return header ? headerLine() + line : line;
      },
      end: () => (header ? headerLine() : ''),
    };
  },
};

// Written by hand: csv-stringify was most of the export's CPU (bench/README.md). A cell
// is quoted only when it holds a quote, a comma or a line break, as csv-stringify did.
const NEEDS_QUOTES = /[",\r\n]/;
const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

// The row was selected with actor and data as JSON text already (see audit-query.ts).
const csvRecord = (row: AuditEventRow): unknown[] => [
  row.seq,
  row.id,
  row.claim_id,
  row.type,
  row.actor,
  row.at,
  row.from_status,
  row.to_status,
  row.rationale,
  row.data,
  row.prev_hash,
  row.hash,
];
