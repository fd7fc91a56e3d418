import { Transform } from 'node:stream';
import { AuditEventRow, toAuditEvent } from '../audit-query.js';
import type { ExportFormat } from '../dto/audit-query.dto.js';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  ndjson: 'application/x-ndjson; charset=utf-8',
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
};

// Rows are formatted into ~64 KB chunks: one write per event would cost more in stream
// overhead than the formatting itself.
const CHUNK_BYTES = 64 * 1024;

// Turns a stream of audit_events rows into one JSON array, in the export shape that is
// hashed. It applies back-pressure like any Transform: when the client reads slowly, so
// does the cursor. (CSV and NDJSON are encoded by PostgreSQL: see audit-export.service.ts.)
export function jsonArrayFormatter(): Transform {
  let pending = '';
  let first = true;
  return new Transform({
    writableObjectMode: true,
    writableHighWaterMark: 256,
    transform(row: AuditEventRow, _encoding, done) {
      pending += (first ? '[\n' : ',\n') + JSON.stringify(toAuditEvent(row));
      first = false;
      if (pending.length >= CHUNK_BYTES) {
        this.push(pending);
        pending = '';
      }
      done();
    },
    flush(done) {
      this.push(pending + (first ? '[]\n' : '\n]\n'));
      done();
    },
  });
}
