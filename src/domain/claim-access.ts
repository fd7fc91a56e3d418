import { type ClaimStatus, isDecided, isTerminal, type Transition } from './claim-status.js';
import { hasRole, type Role } from './roles.js';

// Who may change which claim (SPEC §2), in one place: the service enforces it, the desk
// offers only what it allows. Reading is open to every role, so these only guard changes.
// Each answers the refusal the person would get, or undefined when the change is theirs.
export interface Person {
  id: string;
  roles: readonly Role[];
}

export interface ClaimSubject {
  status: ClaimStatus;
  submittedBy: string;
}

export interface Refusal {
  code: 'forbidden' | 'four-eyes' | 'claim-decided' | 'conflict';
  detail: string;
}

const isEditor = (person: Person) => hasRole(person, 'editor');
const owns = (person: Person, claim: ClaimSubject) => claim.submittedBy === person.id;
const refuse = (code: Refusal['code'], detail: string): Refusal => ({ code, detail });

// Text, claimant and tags: reporters their own while submitted, editors until decided.
export function editRefusal(person: Person, claim: ClaimSubject): Refusal | undefined {
  const refusal = contributorRefusal(person, 'edit claims') ?? closedRefusal(claim, 'edited');
  if (refusal || isEditor(person)) return refusal;
  if (!owns(person, claim)) {
    return refuse('forbidden', 'Reporters may edit only the claims they submitted.');
  }
  if (claim.status !== 'submitted') {
    return refuse(
      'forbidden',
      'Reporters may edit their claims only while submitted; this one is under review.',
    );
  }
  return undefined;
}

// The evidence rule's gate: reporters on their own undecided claims, editors on any
// undecided claim.
export function evidenceRefusal(person: Person, claim: ClaimSubject): Refusal | undefined {
  const contributor = contributorRefusal(person, 'change evidence');
  if (contributor) return contributor;
  if (isDecided(claim.status)) {
    return refuse(
      'claim-decided',
      `The claim is ${claim.status}: its evidence is frozen. Reopen it to change the evidence.`,
    );
  }
  const closed = closedRefusal(claim, 'given evidence');
  if (closed) return closed;
  if (!isEditor(person) && !owns(person, claim)) {
    return refuse('forbidden', 'Reporters may change evidence only on the claims they submitted.');
  }
  return undefined;
}

// Four-eyes: an editor never takes a review step on a claim they submitted.
export function transitionRefusal(
  person: Person,
  claim: ClaimSubject,
  transition: Transition,
): Refusal | undefined {
  if (transition.taker === 'submitter-or-editor') {
    if (isEditor(person) || owns(person, claim)) return undefined;
    return refuse(
      'forbidden',
      `Only the claim's submitter or an editor may move it to ${transition.to}.`,
    );
  }
  if (!isEditor(person)) {
    return refuse('forbidden', `Only editors may move a claim to ${transition.to}.`);
  }
  if (owns(person, claim)) {
    return refuse(
      'four-eyes',
      `You submitted this claim, so another editor must ${verbOf(transition)} it.`,
    );
  }
  return undefined;
}

// Assignment (SPEC §14): editors hand open claims to an editor; decided and withdrawn
// claims are closed, so nobody works them.
export function assignRefusal(person: Person, claim: ClaimSubject): Refusal | undefined {
  if (!isEditor(person)) return refuse('forbidden', 'Only editors may assign claims.');
  return closedRefusal(claim, 'assigned');
}

// The assignee reviews the claim, and four-eyes keeps its submitter from that: a claim is
// never assigned to the editor who submitted it. The desk leaves them out of its list.
export function assigneeRefusal(assigneeId: string, claim: ClaimSubject): string | undefined {
  if (claim.submittedBy !== assigneeId) return undefined;
  return 'submitted this claim; four-eyes needs another editor to review it';
}

// Whether four-eyes alone keeps an editor from the claim's next review step.
export const blockedByFourEyes = (person: Person, claim: ClaimSubject) =>
  isEditor(person) && owns(person, claim) && !isTerminal(claim.status);

// Merging (SPEC §15) is the desk's housekeeping, not a verdict: any editor may fold a
// duplicate into another claim, their own submissions included (the submitter could
// withdraw it anyway). A withdrawn or merged claim is closed for good; so is a target
// that is, and a claim never merges into itself. Merging into a merged claim is what
// would close a cycle (A into B while B went into A), so refusing it rules cycles out.
export function mergeRefusal(
  person: Person,
  claim: ClaimSubject & { id: string },
  target: ClaimSubject & { id: string },
): Refusal | undefined {
  const refusal = mergeSourceRefusal(person, claim);
  if (refusal) return refusal;
  if (claim.id === target.id) return refuse('conflict', 'A claim cannot be merged into itself.');
  if (target.status === 'merged') {
    return refuse(
      'conflict',
      'The target was itself merged into another claim; merge into that one instead.',
    );
  }
  if (target.status === 'withdrawn') {
    return refuse('conflict', 'The target was withdrawn; merge into a claim that stays.');
  }
  return undefined;
}

// The claim's side of a merge alone: whether the desk offers to merge it at all.
export function mergeSourceRefusal(person: Person, claim: ClaimSubject): Refusal | undefined {
  if (!isEditor(person)) return refuse('forbidden', 'Only editors may merge claims.');
  if (isTerminal(claim.status)) {
    return refuse('conflict', `The claim is ${claim.status} and cannot be merged.`);
  }
  return undefined;
}

export function contributorRefusal(person: Person, what: string): Refusal | undefined {
  if (hasRole(person, 'reporter', 'editor')) return undefined;
  return refuse('forbidden', `Only reporters and editors may ${what}.`);
}

function closedRefusal(claim: ClaimSubject, what: string): Refusal | undefined {
  if (isDecided(claim.status)) {
    return refuse(
      'claim-decided',
      `The claim is ${claim.status} and cannot be ${what}. Reopen it first.`,
    );
  }
  if (isTerminal(claim.status)) {
    return refuse('conflict', `The claim was ${claim.status} and cannot be ${what}.`);
  }
  return undefined;
}

function verbOf(transition: Transition): string {
  switch (transition.kind) {
    case 'start-review':
      return 'review';
    case 'decide':
      return 'decide';
    case 'reopen':
      return 'reopen';
    case 'withdraw':
      return 'withdraw';
  }
}
