import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../common/problem/domain-error.js';
import type { AuditEvent } from './audit-event.js';
import { AuditEventRow, selectAuditEvents, toAuditEvent } from './audit-query.js';
import type { AuditPageQuery } from './dto/audit-query.dto.js';

export interface AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

// The global audit log, in keyset pages ordered by seq. A seq is assigned before its
// transaction commits, so a later page could in principle meet an event with a smaller
// seq than the cursor that committed meanwhile; the export's snapshot is the complete
// record, the log is for browsing.
@Injectable()
export class AuditReadService {
  constructor(private readonly dataSource: DataSource) {}

  async page(query: AuditPageQuery): Promise<AuditPage> {
    const afterSeq = query.cursor ? decodeSeqCursor(query.cursor) : undefined;
    const { text, values } = selectAuditEvents(query, { afterSeq, limit: query.limit });
    const rows = (await this.dataSource.query(text, values)) as AuditEventRow[];
    const more = rows.length > query.limit;
    const items = (more ? rows.slice(0, query.limit) : rows).map(toAuditEvent);
    return {
      items,
      nextCursor: more ? encodeSeqCursor(items[items.length - 1].seq) : null,
    };
  }
}

const CURSOR_PREFIX = 'audit:';

export const encodeSeqCursor = (seq: string) =>
  Buffer.from(CURSOR_PREFIX + seq).toString('base64url');

function decodeSeqCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const seq = text.startsWith(CURSOR_PREFIX) ? text.slice(CURSOR_PREFIX.length) : '';
  if (!/^\d{1,18}$/.test(seq)) {
    throw new DomainError('validation', 'cursor: is not a cursor this list gave out', {
      errors: [{ field: 'cursor', message: 'is not a cursor this list gave out' }],
    });
  }
  return seq;
}
