import { extractCandidates } from '../../src/articles/extraction/extract-candidates.js';
import type { EvalArticle } from './types.js';

export const SPEED_LIMIT_MS = 500;

// Times extraction of a 10,000-word article made of the labelled articles, after a warm-up
// (the model loads on first use); the best of five runs, so another process's burst on a
// shared machine does not count against the extractor.
export function measureSpeed(articles: EvalArticle[]): {
  words: number;
  candidates: number;
  elapsedMs: number;
  runs: number;
} {
  const parts: string[] = [];
  let words = 0;
  while (words < 10_000) {
    for (const article of articles) {
      if (words >= 10_000) break;
      parts.push(article.text);
      words += article.text.split(/\s+/).length;
    }
  }
  const text = parts.join('\n');
  extractCandidates(text);
  let best = Infinity;
  let candidates = 0;
  const runs = 5;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    candidates = extractCandidates(text).length;
    best = Math.min(best, performance.now() - started);
  }
  return { words, candidates, elapsedMs: best, runs };
}
