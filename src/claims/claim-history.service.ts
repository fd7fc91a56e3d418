import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditEvent } from '../audit/audit-event.js';
import { AUDIT_EVENT_COLUMNS, AuditEventRow, toAuditEvent } from '../audit/audit-query.js';
import { DomainError } from '../common/problem/domain-error.js';
import { assertClaimExists } from './claim-reads.js';
import { ClaimSourceView, ClaimSummaryView, ClaimView } from './dto/claim.view.js';

// A claim's audit chain, and the claim rebuilt from it as of a moment ("what did we say
// on date T"). Rebuilding reads only events, never the current row.
@Injectable()
export class ClaimHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async events(claimId: string, asOf?: string): Promise<AuditEvent[]> {
    await assertClaimExists(this.dataSource.manager, claimId);
    const rows = (await this.dataSource.query(
      `SELECT ${AUDIT_EVENT_COLUMNS}
         FROM audit_events
        WHERE chain = $1 ${asOf ? 'AND at <= $2::timestamptz' : ''}
        ORDER BY audit_events.seq`,
      asOf ? [claimId, asOf] : [claimId],
    )) as AuditEventRow[];
    return rows.map(toAuditEvent);
  }

  async asOf(claimId: string, moment: string): Promise<ClaimView> {
    const events = await this.events(claimId, moment);
    if (events.length === 0) {
      throw new DomainError('not-found', `Claim ${claimId} did not exist yet at ${moment}.`);
    }
    return { ...replay(events), asOf: new Date(moment).toISOString() };
  }
}

// Applies each event's `after` fields in order; evidence events add or remove a source.
export function replay(events: AuditEvent[]): ClaimView {
  let claim: ClaimSummaryView | undefined;
  let sources: ClaimSourceView[] = [];
  for (const event of events) {
    const data = event.data as {
      after?: Partial<ClaimSummaryView>;
      source?: ClaimSourceView;
    };
    // Claims submitted before due dates, claimant links, merging or languages existed lack
    // them in their first snapshot; such claims were English (the languages migration's
    // default).
    if (event.type === 'claim.submitted') {
      claim = {
        dueAt: null,
        claimantId: null,
        mergedInto: null,
        language: 'en',
        ...(data.after as Partial<ClaimSummaryView>),
      } as ClaimSummaryView;
    } else if (claim && data.after) Object.assign(claim, data.after);
    if (event.type === 'evidence.attached' && data.source) sources.push(data.source);
    if (event.type === 'evidence.detached' && data.source) {
      sources = sources.filter((source) => source.id !== data.source!.id);
    }
  }
  if (!claim) throw new Error('a claim chain starts with claim.submitted');
  return { ...claim, sources };
}
