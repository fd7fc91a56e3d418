import { describe, expect, it } from '@jest/globals';
import {
  CHECKWORTHY_THRESHOLD,
  OFFERED_THRESHOLD,
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

  // SPEC §7: an attributed assertion of fact is offered whether or not it holds a number.
  it('offers an attributed assertion without a number, whether the speaker is named or described', () => {
    for (const claimant of [
      { text: 'Mariupol Mayor Vadym Boychenko', named: true },
      { text: 'Residents of Kesra', named: false },
    ])
      expect(scoreCheckworthiness({ ...none, claimant })).toBeGreaterThanOrEqual(OFFERED_THRESHOLD);
  });

  it('offers a named actor’s event and a reported fact alone', () => {
    expect(scoreCheckworthiness({ ...none, actorEvent: true })).toBeGreaterThanOrEqual(
      OFFERED_THRESHOLD,
    );
    expect(scoreCheckworthiness({ ...none, hedges: ['reported'] })).toBeGreaterThanOrEqual(
      OFFERED_THRESHOLD,
    );
  });

  it('keeps a weak hedge alone under the threshold', () => {
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
