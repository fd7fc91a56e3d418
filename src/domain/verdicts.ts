import type { DecidedStatus } from './claim-status.js';

// A decided claim's verdict on the usual five-point fact-check scale (docs/audit.md):
// 1 = false … 5 = true. claimdesk has no "mostly true" verdict, so 4 is never used; a claim
// that could not be checked sits in the middle, neither true nor false. `name` is the
// verdict's label wherever it is shown (ClaimReview's alternateName).
export const VERDICTS: Record<DecidedStatus, { value: number; name: string }> = {
  refuted: { value: 1, name: 'Refuted' },
  disputed: { value: 2, name: 'Disputed' },
  unverifiable: { value: 3, name: 'Unverifiable' },
  verified: { value: 5, name: 'Verified' },
};
export const WORST_VERDICT = 1;
export const BEST_VERDICT = 5;
