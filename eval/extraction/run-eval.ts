import { analyseArticle } from '../../src/articles/extraction/extract-candidates.js';
import { developmentSet, testSet } from './dataset.js';
import { evaluate, TARGETS, unmetTargets, type Scores } from './metrics.js';
import { measureSpeed, SPEED_LIMIT_MS } from './speed.js';
import type { EvalArticle } from './types.js';

// Prints both parts of the labelled set and the speed on a 10,000-word article; exits 1 when
// the test part misses a SPEC §7 target or extraction is too slow. `--verbose` lists every
// disagreement with the labels (read them for the development part only).
const verbose = process.argv.includes('--verbose');

const num = (n: number): string => n.toFixed(3).padStart(10);
const int = (n: number): string => String(n).padStart(6);

function table(title: string, articles: EvalArticle[], listErrors: boolean): Scores {
  const { scores, mismatches } = evaluate(articles, analyseArticle);
  const kinds = new Set(articles.map((a) => a.kind));
  const candidates = articles.reduce((n, a) => n + a.candidates.length, 0);
  const negatives = articles.reduce((n, a) => n + a.negatives.length, 0);
  console.log(
    `\n${title}: ${articles.length} articles, ${kinds.size} kinds of news, ` +
      `${candidates} labelled candidates, ${negatives} labelled negatives`,
  );
  console.log(
    `${'field'.padEnd(12)}${'tp'.padStart(6)}${'fp'.padStart(6)}${'fn'.padStart(6)}` +
      `${'precision'.padStart(10)}${'recall'.padStart(10)}${'f1'.padStart(10)}`,
  );
  for (const field of ['sentences', 'figures', 'hedges'] as const) {
    const s = scores[field];
    console.log(
      `${field.padEnd(12)}${int(s.tp)}${int(s.fp)}${int(s.fn)}${num(s.precision)}${num(s.recall)}${num(s.f1)}`,
    );
  }
  const c = scores.claimant;
  console.log(
    `${'claimant'.padEnd(12)}${c.correct} of ${c.total} right, accuracy ${c.accuracy.toFixed(3)}`,
  );
  if (verbose && listErrors) {
    for (const m of mismatches)
      console.log(
        `  [${m.article}] ${m.field}: expected ${m.expected}, got ${m.actual}\n      ${m.sentence}`,
      );
  }
  return scores;
}

// The set's own promises (SPEC §7): a test part of at least 8 articles from at least 6 kinds,
// and in every article claims that hold no number and labelled negatives.
const kindsOf = (articles: EvalArticle[]): number => new Set(articles.map((a) => a.kind)).size;
const problems = [
  ...(testSet.length < 8 || kindsOf(testSet) < 6 ? ['test part: under 8 articles or 6 kinds'] : []),
  ...[...developmentSet, ...testSet].flatMap((a) => [
    ...(a.candidates.some((c) => c.figures.length === 0)
      ? []
      : [`${a.id}: no claim without a number`]),
    ...(a.negatives.length > 0 ? [] : [`${a.id}: no labelled negatives`]),
  ]),
];
if (problems.length > 0) {
  console.error(`labelled set incomplete:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}

table('development part', developmentSet, true);
// The test part's errors are not listed: the rules are never tuned on them.
const test = table('test part', testSet, false);

let failed = false;
console.log('\ntargets on the test part (SPEC §7):');
const unmet = new Set(unmetTargets(test));
for (const t of TARGETS) {
  const value = t.value(test);
  console.log(
    `  ${t.name.padEnd(20)} ${value.toFixed(3)} (>= ${t.min}) ${unmet.has(t) ? 'MISSED' : 'met'}`,
  );
}
if (unmet.size > 0) failed = true;

const speed = measureSpeed([...developmentSet, ...testSet]);
const slow = speed.elapsedMs >= SPEED_LIMIT_MS;
console.log(
  `\nspeed: ${speed.words} words, ${speed.candidates} candidates in ${speed.elapsedMs.toFixed(0)} ms ` +
    `(warm, best of ${speed.runs}; limit ${SPEED_LIMIT_MS} ms) ${slow ? 'TOO SLOW' : 'met'}`,
);
if (slow) failed = true;

if (failed) {
  console.error('\nextraction evaluation: below target');
  process.exitCode = 1;
} else console.log('\nextraction evaluation: all targets met');
