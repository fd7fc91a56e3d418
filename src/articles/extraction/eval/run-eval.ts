import { extractCandidates } from '../extract-candidates.js';
import { developmentSet, evaluationSet, heldOutSet } from './dataset.js';
import { evaluate, FIELDS, TARGETS, unmetTargets, type Score, type Field } from './metrics.js';
import type { EvalArticle } from './types.js';

// Prints precision, recall and F1 per field over the labelled articles; exits 1 when a target is
// missed on the whole set. `--verbose` also lists every disagreement with the labels.
const verbose = process.argv.includes('--verbose');

const num = (n: number): string => n.toFixed(3).padStart(10);
const int = (n: number): string => String(n).padStart(5);

function table(title: string, articles: EvalArticle[]): Record<Field, Score> {
  const { scores, mismatches } = evaluate(articles, extractCandidates);
  console.log(`\n${title} (${articles.length} articles)`);
  console.log(
    `${'field'.padEnd(10)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}` +
      `${'precision'.padStart(10)}${'recall'.padStart(10)}${'f1'.padStart(10)}`,
  );
  for (const field of FIELDS) {
    const s = scores[field];
    console.log(
      `${field.padEnd(10)}${int(s.tp)}${int(s.fp)}${int(s.fn)}${num(s.precision)}${num(s.recall)}${num(s.f1)}`,
    );
  }
  if (verbose) {
    for (const m of mismatches)
      console.log(
        `  [${m.article}] ${m.field}: expected ${m.expected}, got ${m.actual}\n      ${m.sentence}`,
      );
  }
  return scores;
}

table('development set', developmentSet);
table('held-out set', heldOutSet);
const overall = table('all articles', evaluationSet);
console.log(
  `\ntargets (all articles): ${TARGETS.map((t) => `${t.field} ${t.metric} >= ${t.min}`).join(', ')}`,
);
const unmet = unmetTargets(overall);
if (unmet.length > 0) {
  console.error(`below target: ${unmet.map((t) => `${t.field} ${t.metric}`).join(', ')}`);
  process.exitCode = 1;
} else console.log('all targets met');
