import { EntityManager } from 'typeorm';
import { DomainError } from '../common/problem/domain-error.js';
import { preparedQueryWithin } from '../database/prepared-query.js';
import {
  ClaimRow,
  LOCK_CLAIM_SQL,
  LockedClaimRow,
  TOUCH_CLAIM_SQL,
  toClaimSummary,
} from './claim-sql.js';
import type { ClaimSummaryView } from './dto/claim.view.js';

// What other rooms may do to a claim's row: lock it for a change, and bump its version when
// something that belongs to the claim (its evidence) changed. The SQL stays in claim-sql.ts.

export interface LockedClaim {
  claim: ClaimSummaryView;
  // The head of the claim's audit chain as the lock's statement read it: what the audit
  // trail's append may expect (see LOCK_CLAIM_SQL).
  chainHead: string | null;
}

// Takes the claim's row lock for the rest of the transaction: every change to a claim, its
// evidence or its audit chain is serialised behind this. The one lock of the claims table.
export async function lockClaim(manager: EntityManager, id: string): Promise<LockedClaim> {
  const [row] = await preparedQueryWithin<LockedClaimRow>(manager, LOCK_CLAIM_SQL, [id, id]);
  if (!row) throw new DomainError('not-found', `No claim ${id}.`);
  return { claim: toClaimSummary(row), chainHead: row.chain_head };
}

// A new version of a locked claim whose evidence changed; answers the claim as it is now.
export async function touchClaim(manager: EntityManager, id: string): Promise<ClaimSummaryView> {
  const [row] = await preparedQueryWithin<ClaimRow>(manager, TOUCH_CLAIM_SQL, [id]);
  return toClaimSummary(row);
}
