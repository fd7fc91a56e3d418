import type { EntityManager } from 'typeorm';
import type { ClaimantType } from '../domain/publication.js';

// What claims/ and the rooms beside claimants/ need to know about claimants, declared here
// and provided by claimants/ (which sits above claims/ and owns the claimants tables): a
// claim can be linked to a claimant, a submission suggests claimants, and publishing
// describes a linked claimant, without claims/ importing the room above it.
export const CLAIMANT_DIRECTORY = Symbol('ClaimantDirectory');

export interface LinkedClaimant {
  id: string;
  name: string;
  type: ClaimantType;
  sameAs: string[];
}

export interface ClaimantSuggestion {
  id: string;
  name: string;
  type: ClaimantType;
  // the name or alias that matched the claim's free-text claimant
  matched: string;
  similarity: number;
}

export interface ClaimantDirectory {
  find(manager: EntityManager, id: string): Promise<LinkedClaimant | undefined>;
  // Claimants known by a name or alias like `text`, best first. Advice read beside a
  // submission, outside its transaction; rejects past the advice's bounds.
  suggest(text: string): Promise<ClaimantSuggestion[]>;
}
