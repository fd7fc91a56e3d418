import { signal } from '../signal.js';
import type { PossibleDuplicate } from '../types.js';

// What the 201 said the claim just submitted may duplicate, kept until the reporter has
// seen it on the claim's page (or dismissed it). Only the latest submission is kept.
export const recentDuplicates = signal<{ claimId: string; duplicates: PossibleDuplicate[] } | null>(
  null,
);
