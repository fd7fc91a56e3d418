import { Transform } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import type { AuditEvent } from '../audit-event.js';
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
const CSV_BATCH = 256;

// Turns a stream of audit_events rows into the bytes of one export format. It applies
// back-pressure like any Transform: when the client reads slowly, so does the cursor.
export function exportFormatter(format: ExportFormat): Transform {
  const encode = ENCODERS[format]();
  let pending = '';
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 256,
    transform(row: AuditEventRow, _encoding, done) {
      pending += encode.event(toAuditEvent(row));
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
  event(event: AuditEvent): string;
  end(): string;
}

const ENCODERS: Record<ExportFormat, () => Encoder> = {
  ndjson: () => ({ event: (event) => JSON.stringify(event) + '\n', end: () => '' }),

  json: () => {
    let first = true;
    return {
      event(event) {
        const prefix = first ? '[\n' : ',\n';
        first = false;
        return prefix + JSON.stringify(event);
      },
      end: () => (first ? '[]\n' : '\n]\n'),
    };
  },

  // RFC 4180 (CRLF line ends, quoted where needed) with a header row; `actor` and `data`
  // as JSON text; an empty cell is null.
  csv: () => {
    let batch: unknown[][] = [];
    let header = true;
    const flushBatch = () => {
      const text = stringify(batch, {
        header,
        columns: [...AUDIT_EVENT_FIELDS],
        record_delimiter: '\r\n',
      });
      header = false;
      batch = [];
      return text;
    };
    return {
      event(event) {
        batch.push(csvRecord(event));
        return batch.length >= CSV_BATCH ? flushBatch() : '';
      },
      end: () => (batch.length || header ? flushBatch() : ''),
    };
  },
};

const csvRecord = (event: AuditEvent): unknown[] =>
  AUDIT_EVENT_FIELDS.map((field) =>
    field === 'actor' || field === 'data' ? JSON.stringify(event[field]) : event[field],
  );
