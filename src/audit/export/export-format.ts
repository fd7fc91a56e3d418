import { Transform } from 'node:stream';
import { AuditEventRow, toAuditEvent } from '../audit-query.js';
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
export function exportFormatter(format: JsonExportFormat): Transform {
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

// CSV is not built here: PostgreSQL encodes it (see audit-export.service.ts).
export type JsonExportFormat = Exclude<ExportFormat, 'csv'>;

const ENCODERS: Record<JsonExportFormat, () => Encoder> = {
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
};
