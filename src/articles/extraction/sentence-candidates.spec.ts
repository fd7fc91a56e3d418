import { describe, expect, it } from '@jest/globals';
import { extractDigitFigures } from './digit-figures.js';
import { extractCandidates } from './extract-candidates.js';
import { extractionFeaturesFor } from './features.js';
import { sentenceCandidates } from './sentence-candidates.js';

const values = (sentence: string, language: string) =>
  extractDigitFigures(sentence, language).map((figure) => figure.value);

describe('extractDigitFigures', () => {
  it('reads each language’s thousands and decimal separators', () => {
    expect(values('Понад 2 000 цивільних і 3,5 % будинків', 'uk')).toEqual([2000, 3.5]);
    expect(values('Понад 2\u00a0000 цивільних', 'uk')).toEqual([2000]);
    expect(values('Votaron 12.500 personas, el 48,7 %', 'es')).toEqual([12500, 48.7]);
    expect(values('Über 1.234.567 Menschen', 'de')).toEqual([1234567]);
    expect(values('Plus de 2 000 civils', 'fr')).toEqual([2000]);
    expect(values('More than 2,000.5 tonnes', 'en')).toEqual([2000.5]);
  });

  it('keeps the figure as written and adds no qualifier', () => {
    expect(extractDigitFigures('загинули 2000 людей', 'uk')).toEqual([
      { text: '2000', value: 2000, qualifier: null },
    ]);
    expect(extractDigitFigures('рост 3,5 %', 'ru')[0]!.text).toBe('3,5 %');
  });

  it('ignores digits inside words', () => {
    expect(values('Модель A4 та Т-72', 'uk')).toEqual([72]);
    expect(values('Ф1х', 'uk')).toEqual([]);
  });
});

describe('sentenceCandidates', () => {
  const text =
    'Обстріли Маріуполя тривають.\nПонад 2000 цивільних загинули, повідомила служба. Так.\n\n';

  it('splits sentences by Intl segmentation and line breaks, with exact spans', () => {
    const candidates = sentenceCandidates(text, 'uk');
    expect(candidates.map((c) => c.sentence)).toEqual([
      'Обстріли Маріуполя тривають.',
      'Понад 2000 цивільних загинули, повідомила служба.',
      'Так.',
    ]);
    for (const c of candidates) expect(text.slice(c.span.start, c.span.end)).toBe(c.sentence);
  });

  it('offers sentences with figures first, fragments greyed', () => {
    const [background, figure, fragment] = sentenceCandidates(text, 'uk');
    expect(figure!.checkworthiness).toBeGreaterThan(background!.checkworthiness);
    expect(background!.checkworthiness).toBeGreaterThanOrEqual(0.5);
    expect(fragment!.checkworthiness).toBeLessThan(0.5);
  });

  it('leaves claimants and hedges to the English rules', () => {
    for (const c of sentenceCandidates(text, 'uk')) {
      expect(c.claimant).toBeNull();
      expect(c.hedges).toEqual([]);
    }
  });

  it('handles 200,000 characters of one language', () => {
    const long = 'Понад 2 000 цивільних загинули, повідомила служба. '.repeat(3900);
    const candidates = extractCandidates(long, 'uk');
    expect(candidates).toHaveLength(3900);
    expect(candidates[3899]!.figures[0]!.value).toBe(2000);
  });
});

describe('extractCandidates by language', () => {
  const sentence = 'More than 2,000 civilians have died, Ukraine’s State Emergency Service said.';

  it('runs every rule for English, whatever the region', () => {
    expect(extractCandidates(sentence, 'en-GB')[0]!.claimant).toMatch(/Emergency Service/);
    expect(extractionFeaturesFor('en-GB')).toEqual([
      'sentences',
      'figures',
      'claimants',
      'hedges',
      'checkworthiness',
    ]);
  });

  it('runs sentences and figures only for other languages', () => {
    expect(extractCandidates(sentence, 'de')[0]!.claimant).toBeNull();
    expect(extractionFeaturesFor('uk')).toEqual(['sentences', 'figures']);
  });
});
