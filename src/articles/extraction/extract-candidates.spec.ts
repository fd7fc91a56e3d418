import { describe, expect, it } from '@jest/globals';
import { developmentSet, evaluationSet } from './eval/dataset.js';
import { khersonMariupol } from './eval/article-kherson-mariupol.js';
import { evaluate, unmetTargets } from './eval/metrics.js';
import { extractCandidates } from './extract-candidates.js';

describe('extractCandidates', () => {
  const candidates = extractCandidates(khersonMariupol.text);

  it('returns spans that slice back to each candidate sentence', () => {
    for (const c of candidates)
      expect(khersonMariupol.text.slice(c.span.start, c.span.end)).toBe(c.sentence);
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

  it('meets the evaluation targets on the labelled articles', () => {
    expect(unmetTargets(evaluate(evaluationSet, extractCandidates).scores)).toEqual([]);
  });

  it('extracts a 10,000-word article in under 500 ms', () => {
    const parts: string[] = [];
    let words = 0;
    while (words < 10_000) {
      for (const article of developmentSet) {
        parts.push(article.text);
        words += article.text.split(/\s+/).length;
      }
    }
    const text = parts.join('\n');
    extractCandidates(text); // warm-up: model load and JIT
    const started = performance.now();
    const result = extractCandidates(text);
    const elapsed = performance.now() - started;
    expect(result.length).toBeGreaterThan(100);
    expect(elapsed).toBeLessThan(500);
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
