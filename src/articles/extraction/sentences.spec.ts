import { describe, expect, it } from '@jest/globals';
import { splitSentences } from './sentences.js';

const texts = (input: string): string[] => splitSentences(input).map((s) => s.text);

describe('splitSentences', () => {
  it('keeps spans that slice back to the sentence in the original text', () => {
    const input = 'First one here.  Second one, with 2,000 people.\n\nThird: “quoted.” Fourth.';
    for (const s of splitSentences(input)) expect(input.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not split after abbreviations of titles, places and months', () => {
    expect(
      texts('Gen. Mark Milley met Mr. Smith on Jan. 5 in St. Petersburg. Then he left for Kyiv.'),
    ).toEqual([
      'Gen. Mark Milley met Mr. Smith on Jan. 5 in St. Petersburg.',
      'Then he left for Kyiv.',
    ]);
  });

  it('ends a sentence after "U.S." when a new sentence follows', () => {
    expect(texts('Jobs were cut in the U.S. The company said nothing.')).toEqual([
      'Jobs were cut in the U.S.',
      'The company said nothing.',
    ]);
  });

  it('keeps decimals, thousands separators and money inside the sentence', () => {
    expect(texts('Prices rose 3.5% to $1.2 billion, with 2,000 jobs cut. Shares fell.')).toEqual([
      'Prices rose 3.5% to $1.2 billion, with 2,000 jobs cut.',
      'Shares fell.',
    ]);
  });

  it('gives a closing quote after the full stop to the sentence it closes', () => {
    expect(texts('“We won,” she said. “It was close.” He agreed.')).toEqual([
      '“We won,” she said.',
      '“It was close.”',
      'He agreed.',
    ]);
  });

  it('joins a quoted question to the attribution that follows it', () => {
    expect(texts('"Is it true?" asked Lt. Col. Ann Ray. Nobody answered.')).toEqual([
      '"Is it true?" asked Lt. Col. Ann Ray.',
      'Nobody answered.',
    ]);
  });

  it('treats a line break as the end of a sentence', () => {
    expect(texts('Count delayed in Ohio\nOfficials said the count resumes Monday.')).toEqual([
      'Count delayed in Ohio',
      'Officials said the count resumes Monday.',
    ]);
  });
});
