import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/problem/domain-error.js';
import { assertMayChangeEvidence, assertMayEdit, assertMayTake } from './claim-access.js';
import { mergeRefusal } from '../domain/claim-access.js';
import {
  allowedTransitions,
  CLAIM_STATUSES,
  ClaimStatus,
  findTransition,
  MERGEABLE_STATUSES,
  unmetEvidence,
} from '../domain/claim-status.js';

const reporter = { id: 'reporter-1', roles: ['reporter' as const] };
const editor = { id: 'editor-1', roles: ['editor' as const] };
const auditor = { id: 'auditor-1', roles: ['auditor' as const] };
const claimBy = (submittedBy: string, status: ClaimStatus = 'submitted') => ({
  id: 'claim-1',
  submittedBy,
  status,
});
const codeOf = (action: () => void) => {
  try {
    action();
    return 'allowed';
  } catch (error) {
    return (error as DomainError).code;
  }
};

describe('claim status machine (SPEC §3)', () => {
  it('allows exactly the transitions of the table', () => {
    const table = Object.fromEntries(
      CLAIM_STATUSES.map((from) => [from, allowedTransitions(from)]),
    );
    expect(table).toEqual({
      submitted: ['in_review', 'withdrawn'],
      in_review: ['verified', 'disputed', 'refuted', 'unverifiable', 'withdrawn'],
      verified: ['in_review'],
      disputed: ['in_review'],
      refuted: ['in_review'],
      unverifiable: ['in_review'],
      withdrawn: [],
      // Reached only through POST /claims/:id/merge, and final.
      merged: [],
    });
  });

  it('requires a rationale for decisions, withdrawals and reopening, not to start review', () => {
    expect(findTransition('submitted', 'in_review')!.rationaleRequired).toBe(false);
    for (const [from, to] of [
      ['in_review', 'verified'],
      ['in_review', 'unverifiable'],
      ['submitted', 'withdrawn'],
      ['in_review', 'withdrawn'],
      ['refuted', 'in_review'],
    ] as const) {
      expect(findTransition(from, to)!.rationaleRequired).toBe(true);
    }
  });

  it('assigns the actor when review starts or is reopened', () => {
    expect(findTransition('submitted', 'in_review')!.assignsActor).toBe(true);
    expect(findTransition('verified', 'in_review')!.assignsActor).toBe(true);
    expect(findTransition('in_review', 'verified')!.assignsActor).toBe(false);
  });

  describe('evidence rules', () => {
    const counts = (supports: number, contradicts: number) => ({
      supports,
      contradicts,
      context: 3,
    });
    const verify = findTransition('in_review', 'verified')!;

    it('needs VERIFY_MIN_SUPPORTING_SOURCES supporting sources to verify', () => {
      expect(unmetEvidence(verify, counts(0, 2), 1)).toEqual({
        rule: 'VERIFY_MIN_SUPPORTING_SOURCES',
        stance: 'supports',
        required: 1,
        attached: 0,
      });
      expect(unmetEvidence(verify, counts(1, 0), 1)).toBeUndefined();
      expect(unmetEvidence(verify, counts(2, 0), 3)?.required).toBe(3);
      expect(unmetEvidence(verify, counts(0, 0), 0)).toBeUndefined();
    });

    it.each(['disputed', 'refuted'] as const)('needs a contradicting source for %s', (to) => {
      const transition = findTransition('in_review', to)!;
      expect(unmetEvidence(transition, counts(5, 0), 1)?.rule).toBe(
        'AT_LEAST_ONE_CONTRADICTING_SOURCE',
      );
      expect(unmetEvidence(transition, counts(0, 1), 1)).toBeUndefined();
    });

    it('needs no evidence for unverifiable, withdrawal or reopening', () => {
      for (const [from, to] of [
        ['in_review', 'unverifiable'],
        ['in_review', 'withdrawn'],
        ['disputed', 'in_review'],
      ] as const) {
        expect(unmetEvidence(findTransition(from, to)!, counts(0, 0), 5)).toBeUndefined();
      }
    });
  });
});

describe('claim access policy (SPEC §2)', () => {
  describe('transitions', () => {
    const startReview = findTransition('submitted', 'in_review')!;
    const decide = findTransition('in_review', 'verified')!;
    const reopen = findTransition('verified', 'in_review')!;
    const withdraw = findTransition('submitted', 'withdrawn')!;

    it('lets editors start review, decide and reopen claims others submitted', () => {
      for (const transition of [startReview, decide, reopen]) {
        expect(codeOf(() => assertMayTake(editor, claimBy('someone'), transition))).toBe('allowed');
      }
    });

    it('refuses an editor on a claim they submitted, as four-eyes', () => {
      for (const transition of [startReview, decide, reopen]) {
        expect(codeOf(() => assertMayTake(editor, claimBy(editor.id), transition))).toBe(
          'four-eyes',
        );
      }
    });

    it('refuses reporters and auditors every editor transition', () => {
      for (const person of [reporter, auditor]) {
        expect(codeOf(() => assertMayTake(person, claimBy('someone'), decide))).toBe('forbidden');
      }
    });

    it('lets the submitter or any editor withdraw, nobody else', () => {
      expect(codeOf(() => assertMayTake(reporter, claimBy(reporter.id), withdraw))).toBe('allowed');
      expect(codeOf(() => assertMayTake(editor, claimBy(editor.id), withdraw))).toBe('allowed');
      expect(codeOf(() => assertMayTake(editor, claimBy('someone'), withdraw))).toBe('allowed');
      expect(codeOf(() => assertMayTake(reporter, claimBy('someone'), withdraw))).toBe('forbidden');
      expect(codeOf(() => assertMayTake(auditor, claimBy('someone'), withdraw))).toBe('forbidden');
    });
  });

  describe('editing', () => {
    it('lets a reporter edit their own claim only while submitted', () => {
      expect(codeOf(() => assertMayEdit(reporter, claimBy(reporter.id)))).toBe('allowed');
      expect(codeOf(() => assertMayEdit(reporter, claimBy(reporter.id, 'in_review')))).toBe(
        'forbidden',
      );
      expect(codeOf(() => assertMayEdit(reporter, claimBy('someone')))).toBe('forbidden');
    });

    it('lets an editor edit any claim until it is decided', () => {
      expect(codeOf(() => assertMayEdit(editor, claimBy('someone', 'in_review')))).toBe('allowed');
      expect(codeOf(() => assertMayEdit(editor, claimBy('someone', 'verified')))).toBe(
        'claim-decided',
      );
      expect(codeOf(() => assertMayEdit(editor, claimBy('someone', 'withdrawn')))).toBe('conflict');
    });

    it('refuses auditors', () => {
      expect(codeOf(() => assertMayEdit(auditor, claimBy('someone')))).toBe('forbidden');
    });
  });

  describe('evidence', () => {
    it('lets reporters change evidence on their own undecided claims, editors on any', () => {
      expect(
        codeOf(() => assertMayChangeEvidence(reporter, claimBy(reporter.id, 'in_review'))),
      ).toBe('allowed');
      expect(codeOf(() => assertMayChangeEvidence(reporter, claimBy('someone')))).toBe('forbidden');
      expect(codeOf(() => assertMayChangeEvidence(editor, claimBy('someone', 'in_review')))).toBe(
        'allowed',
      );
    });

    it('freezes evidence on decided claims for everyone', () => {
      for (const status of ['verified', 'disputed', 'refuted', 'unverifiable'] as const) {
        expect(codeOf(() => assertMayChangeEvidence(editor, claimBy('someone', status)))).toBe(
          'claim-decided',
        );
      }
    });
  });

  describe('merging (SPEC §15)', () => {
    const target = (status: ClaimStatus = 'submitted') => ({
      id: 'claim-2',
      submittedBy: 'someone',
      status,
    });
    const mergeCode = (person: typeof editor, from: ClaimStatus, into: ClaimStatus) =>
      mergeRefusal(person, claimBy('someone', from), target(into))?.code ?? 'allowed';

    it('merges any claim that is not withdrawn or merged, decided ones included', () => {
      expect(MERGEABLE_STATUSES).toEqual([
        'submitted',
        'in_review',
        'verified',
        'disputed',
        'refuted',
        'unverifiable',
      ]);
      for (const status of MERGEABLE_STATUSES)
        expect(mergeCode(editor, status, 'in_review')).toBe('allowed');
      expect(mergeCode(editor, 'withdrawn', 'submitted')).toBe('conflict');
      expect(mergeCode(editor, 'merged', 'submitted')).toBe('conflict');
    });

    it('refuses a merged or withdrawn target, and the claim itself', () => {
      expect(mergeCode(editor, 'submitted', 'merged')).toBe('conflict');
      expect(mergeCode(editor, 'submitted', 'withdrawn')).toBe('conflict');
      expect(mergeCode(editor, 'submitted', 'verified')).toBe('allowed');
      const claim = claimBy('someone');
      expect(mergeRefusal(editor, claim, claim)?.code).toBe('conflict');
    });

    it('is for editors, their own claims included; never reporters or auditors', () => {
      expect(mergeRefusal(editor, claimBy(editor.id), target())).toBeUndefined();
      expect(mergeRefusal(reporter, claimBy(reporter.id), target())?.code).toBe('forbidden');
      expect(mergeRefusal(auditor, claimBy('someone'), target())?.code).toBe('forbidden');
    });

    it('closes a merged claim to edits and evidence', () => {
      expect(codeOf(() => assertMayEdit(editor, claimBy('someone', 'merged')))).toBe('conflict');
      expect(codeOf(() => assertMayChangeEvidence(editor, claimBy('someone', 'merged')))).toBe(
        'conflict',
      );
    });
  });
});
