import type { BenchContext } from './lib/context.js';

export interface DuplicatesVariant {
  requests: number;
  latencyMs: { p50: number; p90: number };
  // Answers other than 201.
  errors: number;
  // Submissions whose 201 named at least one possible duplicate.
  withDuplicates: number;
}

export interface DuplicatesResult {
  claims: number;
  // The baseline's submission with the service's duplicate lookup, and without it.
  baselineWith: DuplicatesVariant;
  baselineWithout: DuplicatesVariant;
  // What the lookup adds to a submission at the median: with minus without.
  addedP50Ms: number;
  // The service's own submission (it always looks), for scale.
  service: DuplicatesVariant;
}

// Claims as a desk writes them: a few shapes, many subjects, so that some submissions have
// look-alikes among earlier ones (the lookup answers something) and most do not.
const WHO = ['The ministry', 'The mayor', 'A regional governor', 'The army', 'Officials', 'The UN'];
const COUNT = ['12', '40', '141', '2,000', '350', '7', '90 percent of', 'half of'];
const WHAT = [
  'bridges',
  'schools',
  'hospitals',
  'power stations',
  'civilians',
  'refugees',
  'apartment blocks',
  'ballots',
];
const HAPPENED = ['were destroyed', 'were rebuilt', 'were evacuated', 'reopened', 'were counted'];
const WHERE = ['Kharkiv', 'Irpin', 'Mariupol', 'Odesa', 'Bucha', 'Kherson', 'Lviv', 'Sumy'];
const WHEN = ['in March', 'last week', 'since 2022', 'this winter', 'by Friday'];
const pick = <T>(list: T[], n: number) => list[n % list.length]!;
const textOf = (n: number) =>
  `${pick(WHO, n)} said ${pick(COUNT, n * 7 + 1)} ${pick(WHAT, n * 3 + 2)} ` +
  `${pick(HAPPENED, n * 5 + 3)} in ${pick(WHERE, n * 11 + 4)} ${pick(WHEN, n * 13 + 5)} (${n}).`;

// One submission after another (no queueing to blur the figure), the three variants taking
// turns so that the machine's load falls on each alike, at the claims seeded so far
// (100,000 in a full run). The figure the desk relies on: the lookup adds at most 5 ms.
export async function duplicatesScenario(ctx: BenchContext): Promise<DuplicatesResult> {
  const rounds = ctx.sizes.loadSeconds >= 20 ? 400 : 60;
  const warmup = ctx.sizes.loadSeconds >= 20 ? 30 : 10;
  const token = ctx.people.reporter.token;
  const runs = {
    baselineWith: [] as Sample[],
    baselineWithout: [] as Sample[],
    service: [] as Sample[],
  };
  const variants: [keyof typeof runs, string][] = [
    ['baselineWithout', `${ctx.baseline.url}/api/v1/claims?duplicates=off`],
    ['baselineWith', `${ctx.baseline.url}/api/v1/claims`],
    ['service', `${ctx.service.url}/api/v1/claims`],
  ];
  let n = 0;
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, url] of variants) {
      const sample = await submitOnce(url, token, textOf(n++));
      if (round >= warmup) runs[name].push(sample);
    }
  }
  ctx.log(`duplicates: ${rounds} submissions per variant at ${ctx.claims} claims`);
  const baselineWith = summarise(runs.baselineWith);
  const baselineWithout = summarise(runs.baselineWithout);
  return {
    claims: ctx.claims,
    baselineWith,
    baselineWithout,
    addedP50Ms: baselineWith.latencyMs.p50 - baselineWithout.latencyMs.p50,
    service: summarise(runs.service),
  };
}

interface Sample {
  ms: number;
  status: number;
  duplicates: number;
}

async function submitOnce(url: string, token: string, text: string): Promise<Sample> {
  const begun = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ text, tags: ['bench-duplicates'] }),
  });
  const body = (await response.json()) as { possibleDuplicates?: unknown[] };
  return {
    ms: performance.now() - begun,
    status: response.status,
    duplicates: body.possibleDuplicates?.length ?? 0,
  };
}

function summarise(samples: Sample[]): DuplicatesVariant {
  const times = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))] ?? NaN;
  return {
    requests: samples.length,
    latencyMs: { p50: at(0.5), p90: at(0.9) },
    errors: samples.filter((sample) => sample.status !== 201).length,
    withDuplicates: samples.filter((sample) => sample.duplicates > 0).length,
  };
}
