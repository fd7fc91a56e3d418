// The verification workflow (SPEC §3) as data: which transitions exist, who may take them
// and what each requires. Pure, so the service, the access policy and the tests share it.
export const CLAIM_STATUSES = [
  'submitted',
  'in_review',
  'verified',
  'disputed',
  'refuted',
  'unverifiable',
  'withdrawn',
  'merged',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const DECIDED_STATUSES = ['verified', 'disputed', 'refuted', 'unverifiable'] as const;
export type DecidedStatus = (typeof DECIDED_STATUSES)[number];
export const OPEN_STATUSES = ['submitted', 'in_review'] as const;

export const isDecided = (status: ClaimStatus): status is DecidedStatus =>
  (DECIDED_STATUSES as readonly string[]).includes(status);
export const isOpen = (status: ClaimStatus) =>
  (OPEN_STATUSES as readonly string[]).includes(status);

// Merging (SPEC §15) folds a duplicate into the claim that stays: it takes a target, so it
// is its own action (POST /claims/:id/merge), not a row of TRANSITIONS. Any claim that is
// not already closed for good may be merged — open ones, and decided ones too: a desk that
// decided the same claim twice keeps one, and the other's verdict stays in its history.
export const TERMINAL_STATUSES = ['withdrawn', 'merged'] as const;
export const isTerminal = (status: ClaimStatus) =>
  (TERMINAL_STATUSES as readonly string[]).includes(status);
export const MERGEABLE_STATUSES = CLAIM_STATUSES.filter((status) => !isTerminal(status));
export const isMergeable = (status: ClaimStatus) => !isTerminal(status);

export const STANCES = ['supports', 'contradicts', 'context'] as const;
export type Stance = (typeof STANCES)[number];

export type TransitionKind = 'start-review' | 'decide' | 'withdraw' | 'reopen';

// `editor`: an editor, never the claim's submitter (four-eyes).
// `submitter-or-editor`: the claim's submitter (any role that may submit) or any editor.
export type Taker = 'editor' | 'submitter-or-editor';

export interface EvidenceRequirement {
  stance: 'supports' | 'contradicts';
  // A fixed count, or the configured VERIFY_MIN_SUPPORTING_SOURCES.
  min: number | 'verify-min-supporting-sources';
  rule: string;
}

export interface Transition {
  from: ClaimStatus;
  to: ClaimStatus;
  kind: TransitionKind;
  taker: Taker;
  rationaleRequired: boolean;
  evidence?: EvidenceRequirement;
  // in_review belongs to the editor who started (or reopened) the review.
  assignsActor: boolean;
}

const decision = (to: DecidedStatus, evidence?: EvidenceRequirement): Transition => ({
  from: 'in_review',
  to,
  kind: 'decide',
  taker: 'editor',
  rationaleRequired: true,
  evidence,
  assignsActor: false,
});

const CONTRADICTING_SOURCE: EvidenceRequirement = {
  stance: 'contradicts',
  min: 1,
  rule: 'AT_LEAST_ONE_CONTRADICTING_SOURCE',
};

export const TRANSITIONS: readonly Transition[] = [
  {
    from: 'submitted',
    to: 'in_review',
    kind: 'start-review',
    taker: 'editor',
    rationaleRequired: false,
    assignsActor: true,
  },
  decision('verified', {
    stance: 'supports',
    min: 'verify-min-supporting-sources',
    rule: 'VERIFY_MIN_SUPPORTING_SOURCES',
  }),
  decision('disputed', CONTRADICTING_SOURCE),
  decision('refuted', CONTRADICTING_SOURCE),
  decision('unverifiable'),
  ...OPEN_STATUSES.map((from): Transition => ({
    from,
    to: 'withdrawn',
    kind: 'withdraw',
    taker: 'submitter-or-editor',
    rationaleRequired: true,
    assignsActor: false,
  })),
  ...DECIDED_STATUSES.map((from): Transition => ({
    from,
    to: 'in_review',
    kind: 'reopen',
    taker: 'editor',
    rationaleRequired: true,
    assignsActor: true,
  })),
];

export const allowedTransitions = (from: ClaimStatus): ClaimStatus[] =>
  TRANSITIONS.filter((transition) => transition.from === from).map(({ to }) => to);

export const findTransition = (from: ClaimStatus, to: ClaimStatus): Transition | undefined =>
  TRANSITIONS.find((transition) => transition.from === from && transition.to === to);

export interface EvidenceCounts {
  supports: number;
  contradicts: number;
  context: number;
}

// How many sources of the required stance a transition needs, or 0 when it needs none.
export function requiredSources(
  transition: Transition,
  verifyMinSupportingSources: number,
): number {
  const min = transition.evidence?.min ?? 0;
  return min === 'verify-min-supporting-sources' ? verifyMinSupportingSources : min;
}

// The evidence rule a transition fails on these counts, or undefined when it is met.
export function unmetEvidence(
  transition: Transition,
  counts: EvidenceCounts,
  verifyMinSupportingSources: number,
): { rule: string; stance: Stance; required: number; attached: number } | undefined {
  if (!transition.evidence) return undefined;
  const required = requiredSources(transition, verifyMinSupportingSources);
  const attached = counts[transition.evidence.stance];
  if (attached >= required) return undefined;
  return { rule: transition.evidence.rule, stance: transition.evidence.stance, required, attached };
}
