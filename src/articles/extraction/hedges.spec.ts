import { describe, expect, it } from '@jest/globals';
import { findHedges } from './hedges.js';

const texts = (s: string): string[] => findHedges(s).map((h) => h.text);

describe('findHedges', () => {
  it('returns the cue phrases as written, in order', () => {
    expect(
      texts('Kherson may have been captured, but Ukrainian officials dispute the fight is over.'),
    ).toEqual(['may have been', 'dispute']);
    expect(texts('Preliminary reports suggest there were no casualties.')).toEqual([
      'Preliminary reports suggest',
    ]);
  });

  it('finds verification, comment and uncertainty cues', () => {
    expect(texts('though it was impossible to verify that claim')).toEqual([
      'impossible to verify',
    ]);
    expect(texts('The claim could not be independently verified.')).toEqual([
      'could not be independently verified',
    ]);
    expect(texts('the office said it could not comment')).toEqual(['could not comment']);
    expect(texts('It was unclear how many left.')).toEqual(['It was unclear']);
    expect(texts('He reportedly met the allegedly corrupt official.')).toEqual([
      'reportedly',
      'allegedly',
    ]);
  });

  it('captures what others could not confirm in an unconfirmed report', () => {
    expect(
      texts(
        'A regional broadcaster reported that a fisherman was missing, but the coastguard could not confirm it.',
      ),
    ).toEqual(['could not confirm']);
    expect(texts('Officials were unable to independently confirm the account.')).toEqual([
      'unable to independently confirm',
    ]);
    expect(texts('The club would not confirm the approach.')).toEqual(['would not confirm']);
  });

  it('finds nothing in a plain statement', () => {
    expect(texts('The ministry said 21 people had been killed.')).toEqual([]);
  });
});
