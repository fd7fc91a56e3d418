import { describe, expect, it } from '@jest/globals';
import {
  CHECKWORTHY_THRESHOLD,
  hasQuotedStatement,
  scoreCheckworthiness,
} from './checkworthiness.js';

const none = { figures: 0, claimant: null, quote: false, actorEvent: false, hedges: [] };

describe('scoreCheckworthiness', () => {
  it('scores a sentence with no signal at zero', () => {
    expect(scoreCheckworthiness(none)).toBe(0);
  });

  it('lifts each of figure, named claimant, quote and actor event over the threshold alone', () => {
    for (const signals of [
      { ...none, figures: 1 },
      { ...none, claimant: { text: 'Sweden', named: true } },
      { ...none, quote: true },
      { ...none, actorEvent: true },
    ])
      expect(scoreCheckworthiness(signals)).toBeGreaterThanOrEqual(CHECKWORTHY_THRESHOLD);
  });

  it('keeps an unnamed speaker or a weak hedge alone under the threshold', () => {
    expect(
      scoreCheckworthiness({ ...none, claimant: { text: 'analysts', named: false } }),
    ).toBeLessThan(CHECKWORTHY_THRESHOLD);
    expect(scoreCheckworthiness({ ...none, hedges: ['unverified'] })).toBeLessThan(
      CHECKWORTHY_THRESHOLD,
    );
  });

  it('grows with more signals and stays within 0..1', () => {
    const one = scoreCheckworthiness({ ...none, figures: 1 });
    const all = scoreCheckworthiness({
      figures: 3,
      claimant: { text: 'the ministry', named: true },
      quote: true,
      actorEvent: true,
      hedges: ['reported', 'contest', 'modal'],
    });
    expect(all).toBeGreaterThan(one);
    expect(all).toBeLessThanOrEqual(1);
  });
});

describe('hasQuotedStatement', () => {
  it('needs a quotation of three words or more, or a sentence that is a quotation', () => {
    expect(hasQuotedStatement('It condemned the “aggression” against Ukraine.')).toBe(false);
    expect(hasQuotedStatement('It acted “in the strongest terms” today.')).toBe(true);
    expect(hasQuotedStatement('"It was close."')).toBe(true);
  });
});
