import { extractCandidates } from '../extract-candidates.js';
import { evaluationSet } from './dataset.js';
import { evaluate, FIELDS, TARGETS, unmetTargets } from './metrics.js';

// Prints precision, recall and F1 per field over the labelled set; exits 1 when a target is
// missed. `--verbose` also lists every disagreement with the labels.
const verbose = process.argv.includes('--verbose');
const { scores, mismatches } = evaluate(evaluationSet, extractCandidates);

const pct = (n: number): string => n.toFixed(3).padStart(9);
const lines = [
  `${'field'.padEnd(11)}${'tp'.padStart(5)}${'fp'.padStart(5)}${'fn'.padStart(5)}${'precision'.padStart(
    10,
  )}${'recall'.padStart(9)}${'f1'.padStart(9)}`,
];
for (const field of FIELDS) {
  const s = scores[field];
  lines.push(
    `${field.padEnd(11)}${String(s.tp).padStart(5)}${String(s.fp).padStart(5)}${String(
      s.fn,
    ).padStart(5)} ${pct(s.precision)}${pct(s.recall)}${pct(s.f1)}`,
  );
}
console.log(`Extraction evaluation over ${evaluationSet.length} articles`);
console.log(lines.join('\n'));
console.log(`targets: ${TARGETS.map((t) => `${t.field} ${t.metric} >= ${t.min}`).join(', ')}`);
if (verbose) {
  for (const m of mismatches)
    console.log(
      `[${m.article}] ${m.field}: expected ${m.expected}, got ${m.actual}\n    ${m.sentence}`,
    );
}
const unmet = unmetTargets(scores);
if (unmet.length > 0) {
  console.error(`below target: ${unmet.map((t) => `${t.field} ${t.metric}`).join(', ')}`);
  process.exitCode = 1;
}
