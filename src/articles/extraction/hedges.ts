export type HedgeKind =
  'reported' | 'contest' | 'modal' | 'uncertain' | 'unverified' | 'no_comment';

export interface Hedge {
  text: string;
  kind: HedgeKind;
  start: number;
}

// Cue phrases that mark a claim as uncertain, second-hand or contested. Order matters: the first
// pattern to match a stretch of text claims it, so longer phrases come first.
const PATTERNS: Array<[HedgeKind, RegExp]> = [
  [
    'reported',
    /\bpreliminary\s+(?:reports?|results?|figures?|data|estimates?|findings|counts?|tallies)(?:\s+(?:also|now|still))?(?:\s+(?:suggest(?:s|ed)?|show(?:s|ed)?|indicate(?:s|d)?))?/gi,
  ],
  ['uncertain', /\bpreliminary\b/gi],
  ['reported', /\bunconfirmed reports?\b|\bunconfirmed\b|\bunverified\b/gi],
  ['reported', /\b(?:reportedly|allegedly|purportedly|alleged|claimed)\b/gi],
  ['reported', /\bon (?:the )?condition of anonymity\b/gi],
  [
    'unverified',
    /\b(?:impossible|unable|not possible) to (?:independently )?(?:verify|confirm)\b|\b(?:could|can|cannot|can't|couldn't)(?: not)?(?: be)? (?:independently |immediately )?(?:verified|confirmed)\b|\bnot (?:yet )?(?:been )?(?:independently )?(?:verified|confirmed)\b|\b(?:could not|cannot|can't|couldn't|did not|would not) (?:independently |immediately )?(?:verify|confirm)\b/gi,
  ],
  [
    'no_comment',
    /\b(?:could|would|did) not (?:immediately )?comment\b|\bdeclined to comment\b|\bdid not (?:immediately )?respond\b|\bcould not (?:immediately )?be reached\b|\bno immediate comment\b/gi,
  ],
  ['modal', /\b(?:may|might|could) have(?: been)?\b/gi],
  ['contest', /\bdisput(?:e|es|ed|ing)\b|\bden(?:y|ies|ied)\b|\bcontested\b/gi],
  [
    'uncertain',
    /\bit (?:was|is|remains|remained) (?:unclear|not clear|not known|unknown)\b|\bunclear\b/gi,
  ],
  [
    'uncertain',
    /\b(?:possibly|probably|apparently|presumably|perhaps|maybe)\b|\bappear(?:s|ed)?(?=\s+(?:to|set|that)\b)/gi,
  ],
];

export function findHedges(sentence: string): Hedge[] {
  const found: Hedge[] = [];
  const taken: Array<[number, number]> = [];
  for (const [kind, re] of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const start = m.index;
      const end = start + m[0].length;
      if (taken.some(([s, e]) => start < e && end > s)) continue;
      taken.push([start, end]);
      found.push({ text: m[0], kind, start });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
