import { DomainError } from '../common/problem/domain-error.js';
import {
  assignRefusal,
  type ClaimSubject,
  editRefusal,
  evidenceRefusal,
  type Person,
  type Refusal,
  transitionRefusal,
} from '../domain/claim-access.js';
import type { Transition } from '../domain/claim-status.js';

// The rules of domain/claim-access.ts as the service enforces them: each throws the
// DomainError the client should see.
export type { ClaimSubject, Person };

const enforce = (refusal: Refusal | undefined) => {
  if (refusal) throw new DomainError(refusal.code, refusal.detail);
};

export const assertMayEdit = (person: Person, claim: ClaimSubject) =>
  enforce(editRefusal(person, claim));

export const assertMayChangeEvidence = (person: Person, claim: ClaimSubject) =>
  enforce(evidenceRefusal(person, claim));

export const assertMayTake = (person: Person, claim: ClaimSubject, transition: Transition) =>
  enforce(transitionRefusal(person, claim, transition));

export const assertMayAssign = (person: Person, claim: ClaimSubject) =>
  enforce(assignRefusal(person, claim));
