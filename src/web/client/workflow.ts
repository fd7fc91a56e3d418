import type { Me } from './session.js';
import type { Claim, Status } from './types.js';

// The transitions of SPEC §3, as buttons. The service decides; this only keeps the desk
// from offering what the signed-in person could never do (wrong role, own claim).
export interface Move {
  to: Status;
  label: string;
  needsRationale: boolean;
  tone: 'primary' | 'good' | 'warn' | 'bad' | 'plain';
}

const DECISIONS: Move[] = [
  { to: 'verified', label: 'Verify', needsRationale: true, tone: 'good' },
  { to: 'disputed', label: 'Dispute', needsRationale: true, tone: 'warn' },
  { to: 'refuted', label: 'Refute', needsRationale: true, tone: 'bad' },
  { to: 'unverifiable', label: 'Unverifiable', needsRationale: true, tone: 'plain' },
];
const START: Move = {
  to: 'in_review',
  label: 'Start review',
  needsRationale: false,
  tone: 'primary',
};
const REOPEN: Move = { to: 'in_review', label: 'Reopen', needsRationale: true, tone: 'primary' };
const WITHDRAW: Move = { to: 'withdrawn', label: 'Withdraw', needsRationale: true, tone: 'plain' };

export const isDecided = (status: Status) =>
  status === 'verified' ||
  status === 'disputed' ||
  status === 'refuted' ||
  status === 'unverifiable';
export const isOpen = (status: Status) => status === 'submitted' || status === 'in_review';

const isEditor = (me: Me) => me.roles.includes('editor');
const isOwn = (me: Me, claim: Claim) => claim.submittedBy === me.id;

// Four-eyes: an editor never reviews a claim they submitted.
export const blockedByFourEyes = (me: Me, claim: Claim) =>
  isEditor(me) && isOwn(me, claim) && claim.status !== 'withdrawn';

export function movesFor(me: Me, claim: Claim): Move[] {
  const reviewer = isEditor(me) && !isOwn(me, claim);
  const withdrawer = isEditor(me) || (me.roles.includes('reporter') && isOwn(me, claim));
  const moves: Move[] = [];
  if (claim.status === 'submitted' && reviewer) moves.push(START);
  if (claim.status === 'in_review' && reviewer) moves.push(...DECISIONS);
  if (isDecided(claim.status) && isEditor(me) && !isOwn(me, claim)) moves.push(REOPEN);
  if (isOpen(claim.status) && withdrawer) moves.push(WITHDRAW);
  return moves;
}

export const mayAttachEvidence = (me: Me, claim: Claim) =>
  isOpen(claim.status) && (isEditor(me) || (me.roles.includes('reporter') && isOwn(me, claim)));
