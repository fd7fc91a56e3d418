import type { Candidate, Figure } from '../candidate.js';
import type { EvalArticle, ExpectedCandidate, ExpectedFigure } from './types.js';

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

export type Field = 'sentences' | 'claimant' | 'figures' | 'hedges';
export const FIELDS: Field[] = ['sentences', 'claimant', 'figures', 'hedges'];

export interface Mismatch {
  article: string;
  field: Field;
  sentence: string;
  expected: string;
  actual: string;
}

export interface Evaluation {
  scores: Record<Field, Score>;
  mismatches: Mismatch[];
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0 });

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

interface Pair {
  expected: ExpectedCandidate | null;
  actual: Candidate | null;
  sentence: string;
}

// Pairs expected and extracted sentences (same sentence when their spans overlap by at least
// half), then counts every field over all pairs: a missed sentence costs its fields' recall,
// an extra sentence costs their precision.
export function evaluate(
  articles: EvalArticle[],
  extract: (text: string) => Candidate[],
): Evaluation {
  const counts: Record<Field, Counts> = {
    sentences: empty(),
    claimant: empty(),
    figures: empty(),
    hedges: empty(),
  };
  const mismatches: Mismatch[] = [];
  for (const article of articles) {
    const actual = extract(article.text);
    const used = new Set<Candidate>();
    const pairs: Pair[] = article.candidates.map((expected) => {
      const start = article.text.indexOf(expected.sentence);
      if (start < 0) throw new Error(`${article.id}: label not in text: ${expected.sentence}`);
      const span = { start, end: start + expected.sentence.length };
      const match = actual.find((c) => !used.has(c) && overlap(c.span, span) >= 0.5) ?? null;
      if (match) used.add(match);
      return { expected, actual: match, sentence: expected.sentence };
    });
    for (const c of actual)
      if (!used.has(c)) pairs.push({ expected: null, actual: c, sentence: c.sentence });

    const note = (field: Field, p: Pair, expected: string, got: string): void => {
      mismatches.push({ article: article.id, field, sentence: p.sentence, expected, actual: got });
    };
    for (const p of pairs) {
      if (p.expected && p.actual) counts.sentences.tp++;
      else if (p.expected) {
        counts.sentences.fn++;
        note('sentences', p, 'candidate', 'missed');
      } else {
        counts.sentences.fp++;
        note('sentences', p, 'not a candidate', 'candidate');
      }

      const accepted = p.expected?.claimant == null ? [] : [p.expected.claimant].flat();
      const got = p.actual?.claimant ?? null;
      const ok = got !== null && accepted.some((a) => normaliseName(a) === normaliseName(got));
      if (ok) counts.claimant.tp++;
      else {
        if (got !== null) counts.claimant.fp++;
        if (accepted.length > 0) counts.claimant.fn++;
        if (got !== null || accepted.length > 0)
          note('claimant', p, accepted[0] ?? 'null', got ?? 'null');
      }

      const expectedFigures = [...(p.expected?.figures ?? [])];
      const actualFigures = p.actual?.figures ?? [];
      const unmatched: Figure[] = [];
      for (const f of actualFigures) {
        const k = expectedFigures.findIndex((e) => sameFigure(e, f));
        if (k >= 0) {
          expectedFigures.splice(k, 1);
          counts.figures.tp++;
        } else unmatched.push(f);
      }
      counts.figures.fp += unmatched.length;
      counts.figures.fn += expectedFigures.length;
      if (unmatched.length > 0 || expectedFigures.length > 0)
        note(
          'figures',
          p,
          JSON.stringify(expectedFigures),
          JSON.stringify(unmatched.map((f) => [f.text, f.value, f.qualifier])),
        );

      const expectedHedges = (p.expected?.hedges ?? []).map((h) => h.toLowerCase());
      const extraHedges: string[] = [];
      for (const h of p.actual?.hedges ?? []) {
        const k = expectedHedges.indexOf(h.toLowerCase());
        if (k >= 0) {
          expectedHedges.splice(k, 1);
          counts.hedges.tp++;
        } else extraHedges.push(h);
      }
      counts.hedges.fp += extraHedges.length;
      counts.hedges.fn += expectedHedges.length;
      if (extraHedges.length > 0 || expectedHedges.length > 0)
        note('hedges', p, JSON.stringify(expectedHedges), JSON.stringify(extraHedges));
    }
  }
  return {
    scores: {
      sentences: score(counts.sentences),
      claimant: score(counts.claimant),
      figures: score(counts.figures),
      hedges: score(counts.hedges),
    },
    mismatches,
  };
}

export interface Target {
  field: Field;
  metric: 'precision' | 'recall' | 'f1';
  min: number;
}

export const TARGETS: Target[] = [
  { field: 'sentences', metric: 'recall', min: 0.9 },
  { field: 'sentences', metric: 'precision', min: 0.75 },
  { field: 'claimant', metric: 'f1', min: 0.85 },
  { field: 'figures', metric: 'f1', min: 0.9 },
];

export function unmetTargets(scores: Record<Field, Score>): Target[] {
  return TARGETS.filter((t) => scores[t.field][t.metric] < t.min);
}
