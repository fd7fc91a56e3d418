import type { ClaimantType } from '../../../domain/publication.js';
import type { DecidedStatus } from '../../../domain/claim-status.js';
import type { Claim } from '../types.js';

export { CLAIMANT_TYPES, type ClaimantType } from '../../../domain/publication.js';

// Claimants (SPEC §15) as GET /claimants and GET /claimants/:id answer them.
export interface Claimant {
  id: string;
  name: string;
  type: ClaimantType;
  aliases: string[];
  sameAs: string[];
  description: string | null;
  version: number;
  similarity?: number;
}

export interface ClaimantDetail extends Claimant {
  trackRecord: { decided: number; verdicts: Record<DecidedStatus, number> };
  latestClaims: Claim[];
}
