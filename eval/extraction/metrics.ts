import type { Candidate, Figure } from '../../src/articles/extraction/candidate.js';
import { OFFERED_THRESHOLD } from '../../src/articles/extraction/checkworthiness.js';
import type { EvalArticle, ExpectedFigure } from './types.js';

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Score extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

export interface Scores {
  // Offered sentences (checkworthiness >= 0.5) against the labelled candidates.
  sentences: Score;
  // Share of labelled candidates whose claimant the extractor got right (no claimant when the
  // label has none counts as right), judged whether or not the sentence was offered, so a
  // low score cannot hide a wrong claimant and recall is not counted twice.
  claimant: { correct: number; total: number; accuracy: number };
  // Figures and hedges of the labelled candidates, matched one to one.
  figures: Score;
  hedges: Score;
}

export type Field = 'sentences' | 'claimant' | 'figures' | 'hedges';

export interface Mismatch {
  article: string;
  field: Field;
  sentence: string;
  expected: string;
  actual: string;
}

export interface Evaluation {
  scores: Scores;
  mismatches: Mismatch[];
}

export function score(c: Counts): Score {
  const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...c, precision, recall, f1 };
}

export const normaliseName = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/^the\s+/, '')
    .replace(/[\s,.]+$/, '')
    .replace(/\s+/g, ' ');

const sameFigure = (a: ExpectedFigure, b: Figure): boolean =>
  a.qualifier === b.qualifier &&
  Math.abs(a.value - b.value) <= 1e-6 * Math.max(1, Math.abs(a.value));

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared <= 0 ? 0 : shared / Math.max(a.end - a.start, b.end - b.start);
}

// Counts one-to-one matches between expected and actual items.
function matchItems<E, A>(
  expected: E[],
  actual: A[],
  same: (e: E, a: A) => boolean,
): { counts: Counts; missing: E[]; extra: A[] } {
  const missing = [...expected];
  const extra: A[] = [];
  let tp = 0;
  for (const a of actual) {
    const k = missing.findIndex((e) => same(e, a));
    if (k >= 0) {
      missing.splice(k, 1);
      tp++;
    } else extra.push(a);
  }
  return { counts: { tp, fp: extra.length, fn: missing.length }, missing, extra };
}

const add = (into: Counts, c: Counts): void => {
  into.tp += c.tp;
  into.fp += c.fp;
  into.fn += c.fn;
};

// `analyse` returns every sentence of a text with its score (analyseArticle). A labelled
// sentence is paired with the analysed sentence overlapping it by at least half.
export function evaluate(
  articles: EvalArticle[],
  analyse: (text: string) => Candidate[],
): Evaluation {
  const sentences: Counts = { tp: 0, fp: 0, fn: 0 };
  const figures: Counts = { tp: 0, fp: 0, fn: 0 };
  const hedges: Counts = { tp: 0, fp: 0, fn: 0 };
  const claimant = { correct: 0, total: 0 };
  const mismatches: Mismatch[] = [];
  for (const article of articles) {
    const analysed = analyse(article.text);
    const paired = new Set<Candidate>();
    const note = (field: Field, sentence: string, expected: string, actual: string): void => {
      mismatches.push({ article: article.id, field, sentence, expected, actual });
    };
    for (const label of article.candidates) {
      const start = article.text.indexOf(label.sentence);
      if (start < 0) throw new Error(`${article.id}: label not in text: ${label.sentence}`);
      const span = { start, end: start + label.sentence.length };
      const found = analysed.find((c) => !paired.has(c) && overlap(c.span, span) >= 0.5);
      if (found) paired.add(found);
      const offered = found !== undefined && found.checkworthiness >= OFFERED_THRESHOLD;
      if (offered) sentences.tp++;
      else {
        sentences.fn++;
        note('sentences', label.sentence, 'offered', `score ${found?.checkworthiness ?? 'none'}`);
      }

      const accepted = label.claimant === null ? [] : [label.claimant].flat();
      const got = found?.claimant ?? null;
      const right =
        got === null
          ? accepted.length === 0
          : accepted.some((a) => normaliseName(a) === normaliseName(got));
      claimant.total++;
      if (right) claimant.correct++;
      else note('claimant', label.sentence, accepted[0] ?? 'null', got ?? 'null');

      const f = matchItems(label.figures, found?.figures ?? [], sameFigure);
      add(figures, f.counts);
      if (f.missing.length > 0 || f.extra.length > 0)
        note(
          'figures',
          label.sentence,
          JSON.stringify(f.missing),
          JSON.stringify(f.extra.map((x) => [x.text, x.value, x.qualifier])),
        );

      const h = matchItems(
        label.hedges.map((x) => x.toLowerCase()),
        (found?.hedges ?? []).map((x) => x.toLowerCase()),
        (e, a) => e === a,
      );
      add(hedges, h.counts);
      if (h.missing.length > 0 || h.extra.length > 0)
        note('hedges', label.sentence, JSON.stringify(h.missing), JSON.stringify(h.extra));
    }
    for (const c of analysed) {
      if (paired.has(c) || c.checkworthiness < OFFERED_THRESHOLD) continue;
      sentences.fp++;
      const negative = article.negatives.find(
        (n) => overlap(c.span, spanOf(article, n.sentence)) >= 0.5,
      );
      note(
        'sentences',
        c.sentence,
        `not offered (${negative?.kind ?? 'unlabelled'})`,
        `score ${c.checkworthiness}`,
      );
    }
  }
  return {
    scores: {
      sentences: score(sentences),
      claimant: {
        ...claimant,
        accuracy: claimant.total === 0 ? 1 : claimant.correct / claimant.total,
      },
      figures: score(figures),
      hedges: score(hedges),
    },
    mismatches,
  };
}

function spanOf(article: EvalArticle, sentence: string): { start: number; end: number } {
  const start = article.text.indexOf(sentence);
  return start < 0 ? { start: 0, end: 0 } : { start, end: start + sentence.length };
}

export interface Target {
  name: string;
  min: number;
  value: (s: Scores) => number;
}

// SPEC §7, on the test part.
export const TARGETS: Target[] = [
  { name: 'candidate recall', min: 0.9, value: (s) => s.sentences.recall },
  { name: 'candidate precision', min: 0.8, value: (s) => s.sentences.precision },
  { name: 'claimant accuracy', min: 0.9, value: (s) => s.claimant.accuracy },
  { name: 'figures F1', min: 0.95, value: (s) => s.figures.f1 },
  { name: 'hedges F1', min: 0.9, value: (s) => s.hedges.f1 },
];

export function unmetTargets(scores: Scores): Target[] {
  return TARGETS.filter((t) => t.value(scores) < t.min);
}
