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

// Claims as a desk writes them: varied sentences about varied places, and every tenth one
// a fresh copy of an earlier claim with a word changed (a real duplicate, which the lookup
// must find). Seeded, so every run submits the same texts.
const WHO = [
  'The ministry of defence',
  'The mayor',
  'A regional governor',
  'The general staff',
  'Local officials',
  'A UN spokesperson',
  'The central bank',
  'An opposition MP',
  'The health ministry',
  'A police spokesman',
];
const WHAT = [
  'bridges',
  'schools',
  'hospitals',
  'power stations',
  'civilians',
  'refugees',
  'apartment blocks',
  'ballots',
  'tonnes of grain',
  'drones',
  'teachers',
  'water pumps',
];
const HAPPENED = [
  'were destroyed',
  'were rebuilt',
  'were evacuated',
  'reopened',
  'were counted',
  'went missing',
  'arrived',
  'were shot down',
];
const WHEN = ['in March', 'last week', 'since 2022', 'this winter', 'by Friday', 'overnight'];
const SYLLABLES = ['ka', 'lo', 'mir', 'dan', 'vel', 'os', 'tra', 'ni', 'bor', 'ga', 'zh', 'ut'];

function texts(seed: number) {
  let state = seed;
  const next = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const name = () => {
    const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => pick(SYLLABLES)).join('');
    return word[0]!.toUpperCase() + word.slice(1);
  };
  const written: string[] = [];
  return (): string => {
    if (written.length > 10 && next() < 0.1) {
      return pick(written).replace(
        / (in March|last week|since 2022|this winter|by Friday|overnight)/,
        ' recently',
      );
    }
    const text =
      `${pick(WHO)} said ${1 + Math.floor(next() * 5000)} ${pick(WHAT)} ${pick(HAPPENED)} ` +
      `in ${name()} near ${name()} ${pick(WHEN)}.`;
    written.push(text);
    return text;
  };
}

// One submission after another (no queueing to blur the figure), the three variants taking
// turns so that the machine's load falls on each alike, at the claims seeded so far
// (100,000 in a full run). The figure the desk relies on: the lookup adds at most 5 ms.
export async function duplicatesScenario(ctx: BenchContext): Promise<DuplicatesResult> {
  const rounds = ctx.sizes.duplicateRounds;
  const warmup = ctx.sizes.duplicateWarmupRounds;
  const token = ctx.people.reporter.token;
  const runs = {
    baselineWith: [] as Sample[],
    baselineWithout: [] as Sample[],
    service: [] as Sample[],
  };
  const variants: [keyof typeof runs, string][] = [
    ['baselineWithout', `${ctx.sameSchema.url}/api/v1/claims`],
    ['baselineWith', `${ctx.sameSchema.url}/api/v1/claims?duplicates=on`],
    ['service', `${ctx.service.url}/api/v1/claims`],
  ];
  const nextText = texts(20_261_203);
  for (let round = 0; round < warmup + rounds; round++) {
    for (const [name, url] of variants) {
      const sample = await submitOnce(url, token, nextText());
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
