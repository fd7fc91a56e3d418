import { evidenceRefusal, transitionRefusal } from '../../domain/claim-access.js';
import { type DecidedStatus, TRANSITIONS, type Transition } from '../../domain/claim-status.js';
import type { Me } from './session.js';
import type { Claim, Status } from './types.js';

export { blockedByFourEyes } from '../../domain/claim-access.js';

// The transitions of SPEC §3, as buttons. Which ones a person is offered, and whether a
// rationale is needed, come from the server's own rules (src/domain); the service still
// decides. This file only says how each looks.
export interface Move {
  to: Status;
  label: string;
  needsRationale: boolean;
  tone: 'primary' | 'good' | 'warn' | 'bad' | 'plain';
}

type Look = Pick<Move, 'label' | 'tone'>;

const DECISION_LOOKS: Record<DecidedStatus, Look> = {
  verified: { label: 'Verify', tone: 'good' },
  disputed: { label: 'Dispute', tone: 'warn' },
  refuted: { label: 'Refute', tone: 'bad' },
  unverifiable: { label: 'Unverifiable', tone: 'plain' },
};

function lookOf(transition: Transition): Look {
  switch (transition.kind) {
    case 'start-review':
      return { label: 'Start review', tone: 'primary' };
    case 'decide':
      return DECISION_LOOKS[transition.to as DecidedStatus];
    case 'reopen':
      return { label: 'Reopen', tone: 'primary' };
    case 'withdraw':
      return { label: 'Withdraw', tone: 'plain' };
  }
}

export const movesFor = (me: Me, claim: Claim): Move[] =>
  TRANSITIONS.filter(
    (transition) => transition.from === claim.status && !transitionRefusal(me, claim, transition),
  ).map((transition) => ({
    to: transition.to,
    needsRationale: transition.rationaleRequired,
    ...lookOf(transition),
  }));

export const mayAttachEvidence = (me: Me, claim: Claim) => !evidenceRefusal(me, claim);
