import type { Figure, FigureQualifier } from './candidate.js';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const SCALES: Record<string, number> = {
  hundred: 1e2,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
  k: 1e3,
  m: 1e6,
  mn: 1e6,
  mln: 1e6,
  bn: 1e9,
  tn: 1e12,
};

// Longest phrases first so "more than" wins over "more".
const QUALIFIERS: Array<[RegExp, FigureQualifier]> = [
  [/^(?:more than|greater than|in excess of|upwards of|over|above)$/i, 'more_than'],
  [/^(?:less than|fewer than|under|below)$/i, 'less_than'],
  [/^(?:at least|no fewer than|no less than|a minimum of)$/i, 'at_least'],
  [/^(?:at most|no more than|a maximum of)$/i, 'at_most'],
  [
    /^(?:about|around|roughly|approximately|some|nearly|almost|close to|an estimated|estimated|about an estimated)$/i,
    'approximately',
  ],
  [/^(?:exactly|precisely)$/i, 'exactly'],
  [/^(?:up to|as many as|as much as)$/i, 'up_to'],
];

const QUAL =
  'more than|greater than|in excess of|upwards of|over|above|less than|fewer than|under|below|' +
  'at least|no fewer than|no less than|a minimum of|at most|no more than|a maximum of|about|around|' +
  'roughly|approximately|some|nearly|almost|close to|an estimated|estimated|exactly|precisely|' +
  'up to|as many as|as much as';
const WORD = `(?:${Object.keys(UNITS).join('|')}|hundred|thousand|million|billion|trillion|dozen)`;
const WORD_NUMBER = `(?:an?\\s+(?=(?:hundred|thousand|million|billion|trillion|dozen)\\b))?${WORD}(?:(?:-|\\s+|(?<=hundred|thousand)\\s+and\\s+)${WORD}\\b)*`;
const FRACTION = `(?:half(?:\\s+an?\\s+(?:million|billion|trillion))?|(?:a|one|two|three)[-\\s](?:thirds?|quarters?))`;
const DIGITS = `\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?`;
const SCALE = `(?:\\s+(?:hundred|thousand|million|billion|trillion|mln|bn)\\b|(?:bn|mn|m|k|tn)\\b)`;
const CURRENCY = `(?:US\\$|C\\$|A\\$|HK\\$|\\$|€|£|¥|Rs\\.?\\s?)`;
const PERCENT = `(?:\\s?%|\\s+(?:percent|per cent|percentage points?)\\b)`;
const UNIT_AFTER = `(?:\\s+(?:dollars|euros|pounds|yen|rupees|cents)\\b)`;
const POST = `(?:\\s+or (?:more|so|fewer|less)\\b|-plus\\b)`;

const FIGURE_RE = new RegExp(
  `(?<qual>\\b(?:${QUAL})\\s+)?(?<cur>${CURRENCY})?(?<num>${DIGITS}|\\b${FRACTION}\\b|\\b${WORD_NUMBER}\\b)` +
    `(?<scale>${SCALE})?(?<pct>${PERCENT})?(?<unit>${UNIT_AFTER})?(?<post>${POST})?`,
  'gi',
);

const MONTHS =
  /^(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?$|^(?:January|February|March|April|May|June|July|August|September|October|November|December)$/;
const DAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/;
const DURATION_AFTER =
  /^\s+(?:an?\s+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|century|centuries)\b/i;
const DETERMINER_BEFORE = /\b(?:the|these|those|both|its|their|his|her|our|all|every)\s+$/i;
const ONE_EXCLUDED_AFTER = /^\s+(?:of|another|day|time|way|side|thing|point|by|more|another)\b/i;

function parseWords(words: string): number {
  let total = 0;
  let current = 0;
  for (const raw of words.toLowerCase().split(/[\s-]+/)) {
    if (raw === 'and' || raw === '') continue;
    if (raw === 'a' || raw === 'an') current = current || 1;
    else if (raw in UNITS) current += UNITS[raw]!;
    else if (raw === 'dozen') current = (current || 1) * 12;
    else if (raw === 'hundred') current = (current || 1) * 100;
    else if (raw in SCALES) {
      total += (current || 1) * SCALES[raw]!;
      current = 0;
    }
  }
  return total + current;
}

function parseFraction(text: string): number {
  const lower = text.toLowerCase();
  const scale = /\b(million|billion|trillion)$/.exec(lower);
  if (lower.startsWith('half')) return 0.5 * (scale ? SCALES[scale[1]!]! : 1);
  const [count, part] = lower.split(/[-\s]/) as [string, string];
  const numerator = count === 'a' ? 1 : (UNITS[count] ?? 1);
  const denominator = part.startsWith('third') ? 3 : 4;
  return numerator / denominator;
}

function qualifierOf(phrase: string | undefined, post: string | undefined): FigureQualifier | null {
  if (post) {
    if (/more|plus/i.test(post)) return 'at_least';
    if (/fewer|less/i.test(post)) return 'at_most';
    return 'approximately';
  }
  if (!phrase) return null;
  const words = phrase.trim().replace(/\s+/g, ' ');
  for (const [re, qualifier] of QUALIFIERS) if (re.test(words)) return qualifier;
  return null;
}

const previousWord = (text: string, index: number): string =>
  /(\S+)\s*$/.exec(text.slice(Math.max(0, index - 30), index))?.[1] ?? '';
const nextWord = (text: string, index: number): string =>
  /^\s*(\S+)/.exec(text.slice(index, index + 30))?.[1]?.replace(/[.,;:]$/, '') ?? '';

// Newsroom rules for what is not a figure: dates, years, times, durations, ordinals and
// compound modifiers ("five-story"), identifiers ("Boeing 737"), and small number words that
// only refer back ("the two sides").
function isExcluded(
  sentence: string,
  m: RegExpExecArray,
  numStart: number,
  numEnd: number,
): boolean {
  const g = m.groups ?? {};
  const num = g.num!;
  const isDigits = /^\d/.test(num);
  const bare = !g.qual && !g.cur && !g.scale && !g.pct && !g.unit;
  const before = sentence[numStart - 1] ?? ' ';
  const after = sentence.slice(m.index + m[0].length);
  const numAfter = sentence.slice(numEnd);

  if (/[A-Za-z0-9_]/.test(before) && !g.cur) return true;
  if (before === '-' && /[A-Za-z]/.test(sentence[numStart - 2] ?? '')) return true; // F-16
  if (/^-[A-Za-z]/.test(numAfter) && !/^-plus/i.test(numAfter) && !g.scale) return true; // five-story
  if (/^(?:st|nd|rd|th)\b/i.test(numAfter)) return true;
  if (/^(?::\d|\s*(?:a\.m\.|p\.m\.|am\b|pm\b))/i.test(numAfter)) return true;
  if (before === ':') return true;
  if (isDigits && /^\d/.test(num) && bare && /^[12]\d{3}$/.test(num)) {
    const year = Number(num);
    if (year >= 1800 && year <= 2099) return true;
  }
  if (MONTHS.test(previousWord(sentence, numStart)) || MONTHS.test(nextWord(sentence, numEnd)))
    return true;
  if (!g.cur && !g.pct && !g.scale && DURATION_AFTER.test(after)) return true;
  if (isDigits && bare && /^\d{1,4}$/.test(num)) {
    const prev = previousWord(sentence, numStart);
    if (/^(?:No\.|number|Nos\.)$/i.test(prev)) return true;
    const prevStart = sentence.lastIndexOf(prev, numStart);
    if (/^[A-Z][a-z]+$/.test(prev) && prevStart > 0 && !DAYS.test(prev)) return true; // Boeing 737
  }
  if (!isDigits && !g.qual) {
    const value = parseWords(num);
    const head = sentence.slice(0, m.index);
    if (value <= 12 && !/^half/i.test(num) && DETERMINER_BEFORE.test(head)) return true;
    if (/^one$/i.test(num)) {
      if (ONE_EXCLUDED_AFTER.test(after)) return true;
      // "said one librarian": a speaker, not a count.
      if (/\b(?:said|says|told|added)\s+$/i.test(head)) return true;
      if (/\b(?:no|any|every|each|some|this|that|which|such)\s+$/i.test(head)) return true;
    }
    if (/^half/i.test(num) && /\b(?:first|second|the|a|and a)\s+$/i.test(head)) return true;
  }
  // "a third of the vote" is a fraction; "a third person" is an ordinal.
  if (/^(?:a|one)[-\s](?:third|quarter)$/i.test(num) && !/^\s+of\b/i.test(after) && !g.qual) {
    return true;
  }
  return false;
}

function round(value: number): number {
  return Number(value.toPrecision(12));
}

export function extractFigures(sentence: string): Figure[] {
  const figures: Figure[] = [];
  FIGURE_RE.lastIndex = 0;
  for (let m = FIGURE_RE.exec(sentence); m; m = FIGURE_RE.exec(sentence)) {
    if (m[0].length === 0) {
      FIGURE_RE.lastIndex++;
      continue;
    }
    const g = m.groups ?? {};
    const num = g.num!;
    const numStart = m.index + (g.qual?.length ?? 0) + (g.cur?.length ?? 0);
    const numEnd = numStart + num.length;
    if (isExcluded(sentence, m, numStart, numEnd)) continue;

    let value: number;
    if (/^\d/.test(num)) value = Number(num.replace(/,/g, ''));
    else if (new RegExp(`^${FRACTION}$`, 'i').test(num)) value = parseFraction(num);
    else value = parseWords(num);
    if (g.scale) value *= SCALES[g.scale.trim().toLowerCase()] ?? 1;
    if (g.unit && /cents/i.test(g.unit)) value /= 100;

    // A qualifier word that is really a preposition ("over the past") never reaches here, as the
    // number must follow it directly.
    const text = m[0].replace(/\s+$/, '');
    figures.push({ text, value: round(value), qualifier: qualifierOf(g.qual, g.post) });
  }
  return figures;
}
