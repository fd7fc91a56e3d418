import { AuthUser, hasRole } from '../auth/role.js';
import { DomainError } from '../common/problem/domain-error.js';
import { ClaimStatus, isDecided, Transition } from './claim-status.js';

// Who may change which claim (SPEC §2), in one place. Reading is open to every role, so
// these only guard changes; each throws the DomainError the client should see.
export type Person = Pick<AuthUser, 'id' | 'roles'>;

export interface ClaimSubject {
  id: string;
  status: ClaimStatus;
  submittedBy: string;
}

const isEditor = (person: Person) => hasRole(person, 'editor');
const owns = (person: Person, claim: ClaimSubject) => claim.submittedBy === person.id;

// Text, claimant and tags: reporters their own while submitted, editors until decided.
export function assertMayEdit(person: Person, claim: ClaimSubject): void {
  assertContributor(person, 'edit claims');
  assertNotClosed(claim, 'edited');
  if (isEditor(person)) return;
  if (!owns(person, claim)) {
    throw new DomainError('forbidden', 'Reporters may edit only the claims they submitted.');
  }
  if (claim.status !== 'submitted') {
    throw new DomainError(
      'forbidden',
      'Reporters may edit their claims only while submitted; this one is under review.',
    );
  }
}

// Evidence: reporters on their own undecided claims, editors on any undecided claim.
export function assertMayChangeEvidence(person: Person, claim: ClaimSubject): void {
  assertContributor(person, 'change evidence');
  if (isDecided(claim.status)) {
    throw new DomainError(
      'claim-decided',
      `The claim is ${claim.status}: its evidence is frozen. Reopen it to change the evidence.`,
    );
  }
  assertNotClosed(claim, 'given evidence');
  if (!isEditor(person) && !owns(person, claim)) {
    throw new DomainError(
      'forbidden',
      'Reporters may change evidence only on the claims they submitted.',
    );
  }
}

export function assertMayTake(person: Person, claim: ClaimSubject, transition: Transition): void {
  if (transition.taker === 'submitter-or-editor') {
    if (isEditor(person) || owns(person, claim)) return;
    throw new DomainError(
      'forbidden',
      `Only the claim's submitter or an editor may move it to ${transition.to}.`,
    );
  }
  if (!isEditor(person)) {
    throw new DomainError('forbidden', `Only editors may move a claim to ${transition.to}.`);
  }
  if (owns(person, claim)) {
    throw new DomainError(
      'four-eyes',
      `You submitted this claim, so another editor must ${describe(transition)} it.`,
    );
  }
}

export function assertContributor(person: Person, what: string): void {
  if (!hasRole(person, 'reporter', 'editor')) {
    throw new DomainError('forbidden', `Only reporters and editors may ${what}.`);
  }
}

function assertNotClosed(claim: ClaimSubject, what: string): void {
  if (isDecided(claim.status)) {
    throw new DomainError(
      'claim-decided',
      `The claim is ${claim.status} and cannot be ${what}. Reopen it first.`,
    );
  }
  if (claim.status === 'withdrawn') {
    throw new DomainError('conflict', `The claim was withdrawn and cannot be ${what}.`);
  }
}

function describe(transition: Transition): string {
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
