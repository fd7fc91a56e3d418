import type { Claimant } from './claimants.js';
import type { HedgeKind } from './hedges.js';
import type { Token } from './nlp.js';

export interface Signals {
  figures: number;
  claimant: Claimant | null;
  quote: boolean;
  actorEvent: boolean;
  hedges: HedgeKind[];
}

// Sentences scoring at or above this are returned as candidates.
export const CHECKWORTHY_THRESHOLD = 0.3;
// Candidates at or above this are offered to the reporter; the desk greys out the rest
// (SPEC §7). Recall and precision are measured at this cut.
export const OFFERED_THRESHOLD = 0.5;

// Each signal alone is the probability that a sentence with it is worth checking; signals are
// combined as independent evidence (noisy-or), so more signals means a higher score, capped at 1.
const HEDGE_WEIGHT: Record<HedgeKind, number> = {
  // "Preliminary reports suggest there were no casualties": a reported fact, offered alone.
  reported: 0.5,
  contest: 0.2,
  modal: 0.15,
  uncertain: 0.15,
  unverified: 0.1,
  no_comment: 0.1,
};

export function scoreCheckworthiness(s: Signals): number {
  const weights: number[] = [];
  if (s.figures > 0) weights.push(s.figures > 1 ? 0.6 : 0.5);
  // An attributed assertion is what a reporter checks first, with or without a number, so a
  // claimant alone is enough to offer the sentence.
  if (s.claimant) weights.push(s.claimant.named ? 0.55 : 0.5);
  if (s.quote) weights.push(0.35);
  if (s.actorEvent && !s.hedges.includes('no_comment')) weights.push(0.5);
  for (const kind of new Set(s.hedges)) weights.push(HEDGE_WEIGHT[kind]);
  const score = 1 - weights.reduce((rest, w) => rest * (1 - w), 1);
  return Math.round(score * 100) / 100;
}

// A quoted statement of three words or more, or a sentence that is itself a quotation.
export function hasQuotedStatement(sentence: string): boolean {
  if (/^["“]/.test(sentence)) return true;
  const quotes = sentence.match(/“[^”]*”|"[^"]*"/g) ?? [];
  return quotes.some((q) => q.split(/\s+/).length >= 3);
}

const CALENDAR =
  /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December)(?:['’]s)?$/;
const IRREGULAR_PAST = new Set([
  'won',
  'lost',
  'sent',
  'struck',
  'hit',
  'began',
  'fell',
  'rose',
  'took',
  'made',
  'gave',
  'held',
  'met',
  'left',
  'led',
  'paid',
  'sold',
  'bought',
  'set',
  'cut',
  'shut',
  'broke',
  'beat',
  'brought',
  'built',
  'chose',
  'drew',
  'drove',
  'flew',
  'froze',
  'grew',
  'kept',
  'knew',
  'ran',
  'saw',
  'shot',
  'spent',
  'stood',
  'threw',
  'wrote',
  'signed',
  'put',
  'quit',
]);

// An event done by a named actor: a proper name before a past-tense main verb
// ("the United Nations General Assembly voted", "The U.S. joined Canada").
export function hasActorEvent(tokens: Token[]): boolean {
  const words = tokens.filter((t) => /[\p{L}\d]/u.test(t.text));
  let sawName = false;
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!;
    if (t.pos === 'PROPN' || (/^\p{Lu}/u.test(t.text) && t.pos !== 'VERB')) {
      // A sentence's first word is capitalised anyway (and often tagged a proper noun:
      // "Supporters waved"), so it does not count as a name.
      if (i > 0 && !CALENDAR.test(t.text)) sawName = true;
      continue;
    }
    if (!sawName || (t.pos !== 'VERB' && t.pos !== 'AUX')) continue;
    // The first verb after the name decides: "has sparked" and "voted" are events,
    // "is finding" and "are standing by" are not.
    const lower = t.text.toLowerCase();
    if (t.pos === 'AUX') {
      const next = words[i + 1];
      if (
        /^(?:has|have|had)$/.test(lower) &&
        next?.pos === 'VERB' &&
        (/ed$/.test(next.text) || IRREGULAR_PAST.has(next.text.toLowerCase()))
      )
        return true;
    } else if (/ed$/.test(lower) || IRREGULAR_PAST.has(lower)) return true;
    sawName = false;
  }
  return false;
}
