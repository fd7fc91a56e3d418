// `npm test`: the whole suite in two phases. First every spec, three at a time
// (jest.config.js); then, one at a time, the specs that assert how fast the service answers
// (a latency bound, a time limit, a crash loop under load). Run beside another spec that
// seeds 200,000 events, those bounds would measure the neighbour on a 2-core machine, not
// the service. Arguments (spec paths, jest flags) run jest once with them instead.
import { spawnSync } from 'node:child_process';

const TIMED_SPECS = [
  'test/reliability/hardening.e2e-spec.ts',
  'test/reliability/crash.e2e-spec.ts',
  'test/audit/export-isolation.e2e-spec.ts',
  'test/audit/export-pacing.e2e-spec.ts',
  'src/audit/export/export-pacer.spec.ts',
  'src/articles/extraction/extract-candidates.spec.ts',
  // The lookup answers within DUPLICATE_LOOKUP_TIMEOUT_MS (300 ms) or not at all, and here
  // it scores its worst case, hundreds of near-identical candidates.
  'test/claims/duplicates.e2e-spec.ts',
];

const JEST = [
  '--experimental-vm-modules',
  '--no-warnings=ExperimentalWarning',
  'node_modules/jest/bin/jest.js',
];

function jest(args) {
  const { status } = spawnSync(process.execPath, [...JEST, ...args], { stdio: 'inherit' });
  return status ?? 1;
}

const args = process.argv.slice(2);
if (args.length > 0) process.exit(jest(args));

// Paths are regular expressions to jest; these hold only dots to escape.
const pattern = (path) => path.replaceAll('.', '\\.');
const parallel = jest(['--testPathIgnorePatterns', ...TIMED_SPECS.map(pattern)]);
const timed = jest(['--runInBand', ...TIMED_SPECS.map(pattern)]);
process.exit(parallel || timed);
