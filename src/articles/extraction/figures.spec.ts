import { describe, expect, it } from '@jest/globals';
import { extractFigures } from './figures.js';

const values = (s: string): Array<[number, string | null]> =>
  extractFigures(s).map((f) => [f.value, f.qualifier]);

describe('extractFigures', () => {
  it('reads comparative qualifiers', () => {
    expect(extractFigures('more than 2,000 civilians have died')).toEqual([
      { text: 'more than 2,000', value: 2000, qualifier: 'more_than' },
    ]);
    expect(values('at least 112 had been wounded')).toEqual([[112, 'at_least']]);
    expect(values('Roughly 874,000 people have fled')).toEqual([[874000, 'approximately']]);
    expect(values('fewer than 20 complaints')).toEqual([[20, 'less_than']]);
    expect(values('as many as 600 people')).toEqual([[600, 'up_to']]);
    expect(values('no more than 5 seats')).toEqual([[5, 'at_most']]);
    expect(values('2,000 or more people')).toEqual([[2000, 'at_least']]);
  });

  it('splits a vote tally into its numbers', () => {
    expect(values('The vote was 141-5 with 35 abstentions.')).toEqual([
      [141, null],
      [5, null],
      [35, null],
    ]);
  });

  it('reads number words, fractions and scales', () => {
    expect(values('a city of nearly three million')).toEqual([[3000000, 'approximately']]);
    expect(values('immobilized half of the assets')).toEqual([[0.5, null]]);
    expect(values('one hundred and twelve people')).toEqual([[112, null]]);
    expect(values('twenty-one people')).toEqual([[21, null]]);
    expect(extractFigures('two-thirds of voters')[0]?.value).toBeCloseTo(2 / 3, 9);
  });

  it('reads money and percentages', () => {
    expect(extractFigures('revenue of $1.2 billion')).toEqual([
      { text: '$1.2 billion', value: 1200000000, qualifier: null },
    ]);
    expect(values('rose 12.5% and 3 percent and 2 percentage points')).toEqual([
      [12.5, null],
      [3, null],
      [2, null],
    ]);
    expect(values('15 million euros and 45 cents')).toEqual([
      [15000000, null],
      [0.45, null],
    ]);
  });

  it('ignores years, dates, times, durations and ordinals', () => {
    expect(values('On Feb. 24, 2022 and March 3 at 10:30 a.m., after 24 hours')).toEqual([]);
    expect(values('the seventh day, the 2nd round, since 1994')).toEqual([]);
  });

  it('ignores compound modifiers, identifiers and words that refer back', () => {
    expect(values('the five-story building')).toEqual([]);
    expect(values('an F-16 and a Boeing 737')).toEqual([]);
    expect(values('between the two sides; one of the people; a third person')).toEqual([]);
  });
});
