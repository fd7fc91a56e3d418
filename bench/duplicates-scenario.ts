import { claimTexts } from './lib/claim-texts.js';
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
  const nextText = claimTexts(20_261_203);
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
