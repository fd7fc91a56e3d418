import { describe, expect, it } from '@jest/globals';
import { OFFERED_THRESHOLD } from './checkworthiness.js';
import { extractCandidates } from './extract-candidates.js';

// Accuracy on labelled articles is measured by `npm run eval:extraction` (eval/extraction),
// speed on a 10,000-word article too; these specs pin the contract.
const article = [
  'Britain’s Defense Ministry said Mariupol, a large city on the Azov Sea, was encircled by Russian forces.',
  'So far, Ukraine’s State Emergency Service has said more than 2,000 civilians have died, though it was impossible to verify that claim.',
  'The invasion has sparked a global outcry of support for Ukraine.',
  'Roughly 874,000 people have fled Ukraine. Countless others have taken shelter underground.',
].join('\n');

describe('extractCandidates', () => {
  const candidates = extractCandidates(article);

  it('returns spans that slice back to each candidate sentence', () => {
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) expect(article.slice(c.span.start, c.span.end)).toBe(c.sentence);
  });

  it('extracts claimant, figures and hedge from the State Emergency Service sentence', () => {
    const c = candidates.find((x) => x.sentence.startsWith('So far,'));
    expect(c).toMatchObject({
      claimant: 'Ukraine’s State Emergency Service',
      figures: [{ text: 'more than 2,000', value: 2000, qualifier: 'more_than' }],
      hedges: ['impossible to verify'],
    });
    expect(c!.checkworthiness).toBeGreaterThan(0.5);
  });

  // SPEC §7: attributed assertions without a number are offered (checkworthiness >= 0.5).
  it('offers attributed assertions that hold no number, with their claimant and hedges', () => {
    const text = [
      'But the mayor of Kherson, Igor Kolykhaev, said Russian soldiers were in the city.',
      'Mariupol Mayor Vadym Boychenko said the attacks there had been relentless.',
      'Hospital admissions had tripled since the spring, the union said.',
      'It was the worst drought in the region in half a century, the weather office said.',
      'A regional broadcaster reported that a fisherman was missing, but the coastguard could not confirm it.',
    ].join('\n');
    const offered = extractCandidates(text).filter((c) => c.checkworthiness >= OFFERED_THRESHOLD);
    expect(offered.map((c) => [c.claimant, c.figures, c.hedges])).toEqual([
      ['the mayor of Kherson, Igor Kolykhaev', [], []],
      ['Mariupol Mayor Vadym Boychenko', [], []],
      ['the union', [], []],
      ['the weather office', [], []],
      ['A regional broadcaster', [], ['could not confirm']],
    ]);
  });

  it('leaves out sentences with nothing to check', () => {
    const sentences = candidates.map((c) => c.sentence);
    expect(sentences).not.toContain(
      'The invasion has sparked a global outcry of support for Ukraine.',
    );
    expect(sentences).not.toContain('Countless others have taken shelter underground.');
  });

  it('returns nothing for empty text', () => {
    expect(extractCandidates('')).toEqual([]);
    expect(extractCandidates('  \n ')).toEqual([]);
  });

  it('stays fast on 200,000 characters without whitespace', () => {
    for (const text of ['x'.repeat(200_000), '-'.repeat(200_000), '😀'.repeat(100_000)]) {
      const started = performance.now();
      const result = extractCandidates(text);
      expect(performance.now() - started).toBeLessThan(2000);
      for (const c of result) expect(text.slice(c.span.start, c.span.end)).toBe(c.sentence);
    }
  });

  it('stays fast on 200,000 characters that are all attributed figures', () => {
    const text = 'Officials said 12 people were hurt. '.repeat(5556).slice(0, 200_000);
    const started = performance.now();
    const result = extractCandidates(text);
    expect(performance.now() - started).toBeLessThan(2500);
    expect(result).toHaveLength(5556);
    expect(result[5000]!.claimant).toBe('Officials');
  });
});
