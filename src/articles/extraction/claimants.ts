import type { Claimant } from './candidate.js';
import type { Token } from './nlp.js';
import { referringNoun, resolveReference } from './referents.js';
import type { AnalysedSentence } from './sentences.js';

export type { Claimant } from './candidate.js';

type Attribution =
  | { kind: 'explicit'; text: string; named: boolean; tokens: Token[] }
  | { kind: 'quoted_by'; text: string; named: boolean }
  | { kind: 'pronoun'; person: boolean }
  | { kind: 'continues_previous' }
  | { kind: 'continues_next' }
  | { kind: 'none'; subject: string | null };

const REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'tell',
  'reported',
  'announced',
  'announces',
  'confirmed',
  'confirms',
  'warned',
  'warns',
  'added',
  'adds',
  'stated',
  'claimed',
  'alleged',
  'alleges',
  'estimated',
  'predicted',
  'noted',
  'wrote',
  'writes',
  'tweeted',
  'testified',
  'argued',
  'insisted',
  'explained',
  'disclosed',
  'revealed',
  'acknowledged',
  'admitted',
  'asked',
  'declared',
  'denied',
  'denies',
  'disputed',
  'maintained',
  'projected',
  'cautioned',
  'concluded',
  'countered',
  'replied',
  'repeated',
  'conceded',
  'stressed',
  'forecast',
  'accused',
  'accuses',
]);
// Words that are reporting verbs only when tagged as verbs ("the reports", "the United States").
const REPORTING_IF_VERB = new Set([
  'report',
  'reports',
  'states',
  'claims',
  'estimates',
  'forecasts',
  'dispute',
  'disputes',
  'deny',
  'warn',
  'confirm',
  'announce',
]);
const SOURCE_NOUNS =
  /^(?:records|documents|figures|data|statistics|report|reports|bulletin|survey|surveys|filings|papers|poll|polls|minutes|results|study|studies|review|analysis|audit|inquiry|investigation|research|trial)$/;
const PARTICIPLES = new Set(['reported', 'estimated', 'confirmed', 'alleged', 'claimed']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it']);
const RELATIVE = new Set(['who', 'which', 'whose', 'where', 'that']);
const DAYS = /^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)$/;
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'in', 'from', 'with', 'to', 'by']);
const TRAILING_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'to', 'via']);
const ORG_NOUNS =
  /^(?:company|firm|agency|ministry|department|group|bank|government|board|commission|council|campaign|union|bloc|office|institute|organization|organisation|service|court|party|army|military|police|airline|regulator|authority|authorities|administration|committee|team|club|league|network|newspaper|agency's|coastguard|carrier|operator|developer|force|university|federation|association|foundation|utility|broadcaster|exchange|watchdog|prosecutor's)$/i;
// Sentence-initial "Political analysts", "Local media" are descriptions, not names.
const ADJECTIVE_ENDING = /(?:al|ic|ous|ive|ary|ful|less)$/;
const OPEN_QUOTES = new Set(['“', '"', '‘']);
const CLOSE_QUOTES = new Set(['”', '"', '’']);

const isPossessive = (t: Token): boolean => /^['’]s?$/.test(t.text) && t.pos === 'PART';
// "Farmers’ federation", "the drivers' union": the tagger reads a plural's apostrophe as
// punctuation.
const isPluralPossessive = (t: Token, prev: Token | undefined): boolean =>
  /^['’]$/.test(t.text) && prev !== undefined && prev.end === t.start && /s$/i.test(prev.text);
// "His campaign", "their union".
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'their', 'its', 'our']);
// A capitalised word the tagger read as something else is still a name ("Garland/VERB said").
const isName = (t: Token): boolean =>
  t.pos === 'PROPN' ||
  (/^\p{Lu}/u.test(t.text) && ['VERB', 'ADV', 'ADJ', 'NOUN', 'INTJ', 'X'].includes(t.pos));
const isWordy = (t: Token): boolean =>
  (['PROPN', 'NOUN', 'ADJ', 'NUM', 'X'].includes(t.pos) || isName(t)) && /[\p{L}\d]/u.test(t.text);
const capitalised = (t: Token): boolean => /^\p{Lu}/u.test(t.text);

// Marks the tokens inside quotation marks. A straight quote opens when it follows a space and
// closes otherwise; a sentence whose first quote mark closes began inside a quotation.
function quoteMask(sentence: AnalysedSentence): boolean[] {
  const mask: boolean[] = [];
  let inside = false;
  let firstIsClosing: number | null = null;
  sentence.tokens.forEach((t, i) => {
    let opens: boolean | null = null;
    if (t.text === '"') {
      const before = sentence.text[t.start - sentence.start - 1] ?? ' ';
      opens = /[\s([—-]/.test(before);
    } else if (t.text === '“') opens = true;
    else if (t.text === '”') opens = false;
    if (opens === null) {
      mask.push(inside);
      return;
    }
    if (!opens && !inside && firstIsClosing === null && !mask.includes(true)) firstIsClosing = i;
    inside = opens;
    mask.push(true);
  });
  if (firstIsClosing !== null) for (let i = 0; i < firstIsClosing; i++) mask[i] = true;
  return mask;
}

function isReportingVerb(tokens: Token[], i: number): boolean {
  const t = tokens[i]!;
  const word = t.text.toLowerCase();
  const next = tokens[i + 1]?.text.toLowerCase();
  // "the figures reported by the ministry" and "infections reported so far" are participles,
  // not attributions.
  if (next === 'by') return false;
  // "1,274 confirmed infections": an adjective before a noun.
  if (
    PARTICIPLES.has(word) &&
    ['NUM', 'DET', 'ADJ'].includes(tokens[i - 1]?.pos ?? '') &&
    tokens[i + 1]?.pos === 'NOUN'
  )
    return false;
  if (
    PARTICIPLES.has(word) &&
    tokens[i - 1]?.pos === 'NOUN' &&
    (tokens[i + 1]?.pos === 'ADV' || /^(?:so|since|this|last)$/i.test(tokens[i + 1]?.text ?? ''))
  )
    return false;
  if (REPORTING.has(word)) return t.pos === 'VERB' || t.pos === 'AUX' || !/^\p{Lu}/u.test(t.text);
  if (REPORTING_IF_VERB.has(word)) {
    // The tagger sometimes reads "officials dispute the figure" as a noun compound.
    const prev = tokens[i - 1];
    const pluralSubject = prev?.pos === 'NOUN' && /s$/.test(prev.text);
    return (
      t.pos === 'VERB' ||
      (pluralSubject && ['DET', 'SCONJ', 'PRON'].includes(tokens[i + 1]?.pos ?? ''))
    );
  }

  // 'Ashby called the strike “unjustified”': a verdict quoted from the speaker.
  if (word === 'called' || word === 'calls' || word === 'described') {
    return tokens.slice(i + 1, i + 6).some((x) => OPEN_QUOTES.has(x.text));
  }

  // "court records show", "a report by the watchdog found": documents as sources.
  if (/^(?:show(?:s|ed|n)?|found|finds|suggest(?:s|ed)?|indicate(?:s|d)?)$/.test(word)) {
    // "Preliminary reports suggest …" is a hedge, not a source.
    if (
      /^(?:suggest|indicate)/.test(word) &&
      tokens.slice(Math.max(0, i - 3), i).some((t) => /^preliminary$/i.test(t.text))
    )
      return false;
    for (let k = i - 1; k >= Math.max(0, i - 8); k--) {
      const t = tokens[k]!;
      if (t.text === ',' || (t.pos === 'VERB' && !/ed$/.test(t.text))) break;
      if (SOURCE_NOUNS.test(t.text.toLowerCase())) return true;
    }
    return false;
  }

  // "The Red Crescent put the death toll at 150,000".
  if (word === 'put' || word === 'puts') {
    const after = tokens
      .slice(i + 1, i + 4)
      .map((x) => x.text.toLowerCase())
      .join(' ');
    return /^the (?:\w+ )?(?:toll|number|figure|count|total|cost)/.test(after);
  }
  return false;
}

function spanText(sentence: AnalysedSentence, from: Token, to: Token): string {
  return sentence.text.slice(from.start - sentence.start, to.end - sentence.start);
}

function isNamed(tokens: Token[], sentence: AnalysedSentence): boolean {
  const first = sentence.tokens.find((t) => /[\p{L}\d]/u.test(t.text));
  const named = tokens.some(
    (t) =>
      /[\p{L}]/u.test(t.text) &&
      capitalised(t) &&
      !DAYS.test(t.text) &&
      (t !== first || (t.pos === 'PROPN' && !ADJECTIVE_ENDING.test(t.text))),
  );
  if (named) return true;
  // "a report by the regional health watchdog", "A spokesperson for the bank": named by the
  // institution the phrase hangs from.
  const by = tokens.findLastIndex((t, k) => k > 0 && /^(?:by|for|from|at)$/i.test(t.text));
  if (by > 0 && by < tokens.length - 1 && isNamed(tokens.slice(by + 1), sentence)) return true;
  // "the company" refers back to an organisation named earlier; "the interior ministry",
  // "the city’s election commission" and "their union" name one institution.
  const words = tokens.map((t) => t.text);
  return (
    words.length >= 2 &&
    words.length <= 6 &&
    /^(?:the|their|its|his|her)$/i.test(words[0]!) &&
    ORG_NOUNS.test(words[words.length - 1]!)
  );
}

// Walks left from index `end` over a noun phrase: "Ukraine's State Emergency Service",
// "one of the people", "Officials in two neighboring states", "Airbus and Boeing".
function nounPhraseBefore(tokens: Token[], end: number, mask: boolean[]): Token[] {
  const taken: Token[] = [];
  let k = end;
  while (k >= 0) {
    const t = tokens[k]!;
    if (mask[k]) break;
    const prev = tokens[k - 1];
    const lastTaken = taken[0];
    if (isWordy(t) || isPossessive(t) || (isPluralPossessive(t, prev) && lastTaken)) {
      taken.unshift(t);
    } else if (t.pos === 'DET' || (POSSESSIVE_PRONOUNS.has(t.text.toLowerCase()) && lastTaken)) {
      taken.unshift(t);
      // "one of the people", "A spokesperson for the bank": the phrase goes on past the
      // preposition to the noun it hangs from.
      const beforePrev = tokens[k - 2];
      const hangs =
        prev !== undefined &&
        INNER_PREPOSITIONS.has(prev.text.toLowerCase()) &&
        (beforePrev?.pos === 'NOUN' || beforePrev?.pos === 'PROPN');
      if (prev?.text.toLowerCase() !== 'of' && !hangs) break;
    } else if (
      INNER_PREPOSITIONS.has(t.text.toLowerCase()) &&
      lastTaken &&
      prev &&
      (prev.pos === 'NOUN' || prev.pos === 'PROPN' || prev.pos === 'VERB' || prev.pos === 'NUM')
    ) {
      taken.unshift(t);
    } else if (t.text === 'and' && lastTaken?.pos === 'PROPN' && prev?.pos === 'PROPN') {
      taken.unshift(t);
    } else if (
      // "A group opposed to vaccine mandates", "videos released by the agency"
      t.pos === 'VERB' &&
      /(?:ed|en)$/.test(t.text) &&
      lastTaken &&
      INNER_PREPOSITIONS.has(lastTaken.text.toLowerCase()) &&
      prev &&
      (prev.pos === 'NOUN' || prev.pos === 'PROPN')
    ) {
      taken.unshift(t);
    } else break;
    k--;
  }
  while (
    taken.length > 0 &&
    !isWordy(taken[0]!) &&
    taken[0]!.pos !== 'DET' &&
    !POSSESSIVE_PRONOUNS.has(taken[0]!.text.toLowerCase())
  )
    taken.shift();
  return taken.some((t) => ['PROPN', 'NOUN', 'NUM', 'X'].includes(t.pos) || isName(t)) ? taken : [];
}

// Walks right from `start` over a noun phrase, for "said X" and "quoted by X".
function nounPhraseAfter(tokens: Token[], start: number, mask: boolean[]): Token[] {
  const taken: Token[] = [];
  for (let k = start; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (mask[k]) break;
    if (
      isWordy(t) ||
      isPossessive(t) ||
      (isPluralPossessive(t, tokens[k - 1]) && taken.length > 0) ||
      (t.pos === 'DET' && taken.length === 0)
    ) {
      // "said one librarian" names a speaker; "said 12 people" does not.
      if (taken.length === 0 && t.pos === 'NUM' && !/^one$/i.test(t.text)) break;
      taken.push(t);
    } else if (t.text === 'of' && taken.length > 0) taken.push(t);
    else if (t.text === 'and' && taken.length > 0 && isName(taken[taken.length - 1]!))
      taken.push(t);
    else break;
  }
  while (taken.length > 0 && !isWordy(taken[taken.length - 1]!)) taken.pop();
  return taken;
}

// The rest of a clause after "according to": up to a comma, the end, or a relative pronoun.
function clauseAfter(tokens: Token[], start: number, mask: boolean[]): Token[] {
  const taken: Token[] = [];
  for (let k = start; k < tokens.length && taken.length < 15; k++) {
    const t = tokens[k]!;
    if (mask[k] || RELATIVE.has(t.text.toLowerCase())) break;
    if (t.pos === 'PUNCT' && !isPossessive(t)) break;
    taken.push(t);
  }
  return taken;
}

function explicit(
  sentence: AnalysedSentence,
  phrase: Token[],
): Extract<Attribution, { kind: 'explicit' }> {
  return {
    kind: 'explicit',
    text: spanText(sentence, phrase[0]!, phrase[phrase.length - 1]!),
    named: isNamed(phrase, sentence),
    tokens: phrase,
  };
}

function subjectOf(sentence: AnalysedSentence, verb: number, mask: boolean[]): Attribution | null {
  const tokens = sentence.tokens;
  let j = verb - 1;
  // Skip auxiliaries and time words between subject and verb: "has said", "on Wednesday announced".
  while (j >= 0) {
    const t = tokens[j]!;
    const isTime =
      DAYS.test(t.text) ||
      (t.text === 'on' && DAYS.test(tokens[j + 1]?.text ?? '')) ||
      (/^(?:week|month|year)$/.test(t.text) &&
        /^(?:last|this)$/i.test(tokens[j - 1]?.text ?? '')) ||
      (/^(?:last|this)$/i.test(t.text) && /^(?:week|month|year)$/.test(tokens[j + 1]?.text ?? ''));
    if (t.pos === 'AUX' || t.pos === 'ADV' || isTime || t.text === 'there') j--;
    else break;
  }
  if (j < 0) return null;
  const before = tokens[j]!;
  if (PRONOUNS.has(before.text.toLowerCase()) && !mask[j])
    return { kind: 'pronoun', person: /^(?:he|she)$/i.test(before.text) };
  // "…, researchers at the Hallam Institute, who said …": the antecedent before the comma.
  if (/^who$/i.test(before.text) && tokens[j - 1]?.text === ',') {
    const antecedent = nounPhraseBefore(tokens, j - 2, mask);
    return antecedent.length > 0 ? explicit(sentence, antecedent) : null;
  }
  // "a study published on Wednesday found": skip the participle that trails the subject.
  if (before.pos === 'VERB' && /ed$/.test(before.text) && tokens[j - 1]?.pos === 'NOUN') j--;

  if (before.text === ',' && !mask[j]) {
    // "X, head of Y, said" and "X, who heads Y, said".
    let c = j - 1;
    while (c >= 0 && !(tokens[c]!.text === ',' && !mask[c])) c--;
    if (c > 0 && j - c - 1 <= 12) {
      const head = nounPhraseBefore(tokens, c - 1, mask);
      const appositive = tokens.slice(c + 1, j);
      // "the mayor of Kherson, Igor Kolykhaev," and "A local news site, Varnik Today,": either
      // side may carry the name. "X, who heads Y," and "X, speaking to reporters," leave X.
      const lead = appositive[0];
      const clauseFirst =
        lead !== undefined &&
        (appositive.some((t) => RELATIVE.has(t.text.toLowerCase())) ||
          (lead.pos === 'VERB' && /(?:ing|ed)$/.test(lead.text)));
      // A verb before any relative pronoun means the commas hold a clause, not an apposition.
      const relativeAt = appositive.findIndex((t) => RELATIVE.has(t.text.toLowerCase()));
      const verbAt = appositive.findIndex((t) => t.pos === 'VERB');
      const clause = verbAt >= 0 && (relativeAt < 0 || verbAt < relativeAt);
      if (head.length > 0 && clauseFirst && isNamed(head, sentence))
        return explicit(sentence, head);
      if (
        head.length > 0 &&
        appositive.length > 0 &&
        !clause &&
        (isNamed(head, sentence) || isNamed(appositive, sentence))
      ) {
        const text = spanText(sentence, head[0]!, appositive[appositive.length - 1]!);
        return { kind: 'explicit', text, named: true, tokens: [...head, ...appositive] };
      }
    }
    return null;
  }
  if (before.text === 'and' && before.pos === 'CCONJ') {
    // "Health authorities have run clinics ... and say they have given 35,000 doses".
    const lead = nounPhraseAfter(tokens, 0, mask);
    return lead.length > 0 ? explicit(sentence, lead) : null;
  }
  const phrase = nounPhraseBefore(tokens, j, mask);
  return phrase.length > 0 ? explicit(sentence, phrase) : null;
}

// '"We won," said Dana Whitfield, an analyst at Crestline.' / '..., said adviser Anton Herashchenko in a post.'
function invertedSubject(
  sentence: AnalysedSentence,
  verb: number,
  mask: boolean[],
): Attribution | null {
  const tokens = sentence.tokens;
  const prev = tokens[verb - 1];
  if (prev && !(prev.text === ',' || CLOSE_QUOTES.has(prev.text) || mask[verb - 1])) return null;
  const phrase = nounPhraseAfter(tokens, verb + 1, mask);
  if (phrase.length === 0) return null;
  const endIndex = tokens.indexOf(phrase[phrase.length - 1]!);
  const next = tokens[endIndex + 1];
  const ok =
    !next ||
    (next.pos === 'PUNCT' && !OPEN_QUOTES.has(next.text)) ||
    TRAILING_PREPOSITIONS.has(next.text.toLowerCase());
  if (!ok) return null;
  if (
    next?.text === ',' &&
    ['a', 'an', 'the'].includes(tokens[endIndex + 2]?.text.toLowerCase() ?? '')
  ) {
    const rest = clauseAfter(tokens, endIndex + 2, mask);
    if (rest.length > 0 && !rest.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) {
      const text = spanText(sentence, phrase[0]!, rest[rest.length - 1]!);
      return {
        kind: 'explicit',
        text,
        named: isNamed(phrase, sentence),
        tokens: [...phrase, ...rest],
      };
    }
  }
  return explicit(sentence, phrase);
}

const TIME_WORDS =
  /^(?:on|in|late|early|this|last|a|an|the|statement|post|interview|morning|afternoon|evening|night|week|month|year)$/i;

// "…, the interior ministry said on Friday." / "…, the agency said, and …": the attribution
// closes a clause that came before it.
function isPostClause(tokens: Token[], verb: number, subject: Token[]): boolean {
  const firstIndex = tokens.indexOf(subject[0]!);
  const before = tokens[firstIndex - 1];
  if (!before || !(before.text === ',' || CLOSE_QUOTES.has(before.text))) return false;
  for (let k = verb + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.text === ',' || (t.pos === 'PUNCT' && /^[.!?;]$/.test(t.text))) return true;
    if (!(TIME_WORDS.test(t.text) || DAYS.test(t.text) || t.pos === 'ADV')) return false;
  }
  return true;
}

export function attribute(sentence: AnalysedSentence): Attribution {
  const tokens = sentence.tokens;
  const mask = quoteMask(sentence);
  const lower = tokens.map((t) => t.text.toLowerCase());

  for (let i = 0; i < tokens.length - 2; i++) {
    if (lower[i] === 'quoted' && lower[i + 1] === 'by' && !mask[i]) {
      const phrase = nounPhraseAfter(tokens, i + 2, mask);
      if (phrase.length > 0) {
        const a = explicit(sentence, phrase);
        if (a.kind === 'explicit') return { kind: 'quoted_by', text: a.text, named: a.named };
      }
    }
  }
  let first: Attribution | null = null;
  for (let i = 0; i < tokens.length; i++) {
    if (mask[i] || !isReportingVerb(tokens, i)) continue;
    const found = subjectOf(sentence, i, mask) ?? invertedSubject(sentence, i, mask);
    if (!found) continue;
    // "A recount has confirmed Obi as the winner, the commission said": the attribution
    // after the clause governs it, whatever verb came earlier.
    if (first === null && !(found.kind === 'explicit' && isPostClause(tokens, i, found.tokens)))
      first = found;
    else if (found.kind === 'explicit' && isPostClause(tokens, i, found.tokens)) return found;
  }
  if (first) return first;
  for (let i = 0; i < tokens.length - 2; i++) {
    if (lower[i] === 'according' && lower[i + 1] === 'to' && !mask[i]) {
      const phrase = clauseAfter(tokens, i + 2, mask);
      // An explicitly sourced statement weighs as much as a named speaker.
      if (phrase.some(isWordy)) return { ...explicit(sentence, phrase), named: true };
    }
  }
  if (tokens[0] && OPEN_QUOTES.has(tokens[0].text)) {
    return mask[mask.length - 1] && !CLOSE_QUOTES.has(tokens[tokens.length - 1]!.text)
      ? { kind: 'continues_next' }
      : { kind: 'continues_previous' };
  }
  const lead = nounPhraseAfter(tokens, 0, mask);
  const leadEnd = lead.length > 0 ? tokens.indexOf(lead[lead.length - 1]!) : -1;
  let subject: string | null = null;
  if (leadEnd >= 0 && tokens[leadEnd + 1]?.text === ',') {
    subject =
      lead[lead.length - 1]!.pos === 'PROPN'
        ? spanText(sentence, lead[0]!, lead[lead.length - 1]!)
        : null;
    // "The hospital’s chief executive, Naomi Fry, apologised …": the apposition names the
    // subject a later "she said" refers to.
    const appositive = nounPhraseAfter(tokens, leadEnd + 2, mask);
    const appositiveEnd =
      appositive.length > 0 ? tokens.indexOf(appositive[appositive.length - 1]!) : -1;
    if (
      appositiveEnd >= 0 &&
      tokens[appositiveEnd + 1]?.text === ',' &&
      appositive.some((t) => t.pos === 'PROPN')
    )
      subject = spanText(sentence, lead[0]!, appositive[appositive.length - 1]!);
  }
  return { kind: 'none', subject };
}

// Named speakers seen so far, most recent last per surname, each once: lookups stay cheap on
// long texts (a plain list made 5,000 attributed sentences take seconds).
class KnownSpeakers {
  private readonly bySurname = new Map<string, string[]>();

  add(text: string): void {
    const surname = nameOf(text).split(/\s+/).pop()!;
    const list = this.bySurname.get(surname) ?? [];
    const at = list.indexOf(text);
    if (at >= 0) list.splice(at, 1);
    list.push(text);
    this.bySurname.set(surname, list);
  }

  // "Blinken said" after "U.S. Secretary of State Antony Blinken said": use the fuller form.
  expand(text: string): string {
    const words = text.replace(/^(?:Mr\.|Mrs\.|Ms\.|Dr\.)\s+/, '').split(/\s+/);
    if (words.length > 1 || !/^\p{Lu}/u.test(words[0] ?? '')) return text;
    const list = this.bySurname.get(words[0]!) ?? [];
    for (let i = list.length - 1; i >= 0; i--) {
      if (nameOf(list[i]!) !== text) return list[i]!;
    }
    return text;
  }
}

// "Oleg Sinehubov, head of the Kharkiv regional administration" → "Oleg Sinehubov".
// A name of two capitalised words or more ("Naomi Fry", "Dr. Sam Reid").
const looksLikePerson = (text: string): boolean =>
  /\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]+$/u.test(nameOf(text));
// A plural description ("Doctors at the hospital", "Officials"), which "he" or "she" cannot be.
const isGroup = (text: string): boolean =>
  !looksLikePerson(text) && /^(?:the\s+)?\p{L}+s\b/iu.test(text) && !/^\p{Lu}\p{L}*s$/u.test(text);

// "Its chief inspector, Rowan Ellis" → "Rowan Ellis": the part that is a name.
const nameOf = (candidate: string): string => {
  const parts = candidate.split(',').map((p) => p.trim());
  return parts.find((p) => /\p{Lu}[\p{L}'’.-]*\s+\p{Lu}[\p{L}'’-]+$/u.test(p)) ?? parts[0]!;
};

// Resolves each sentence's claimant, carrying named speakers forward for "he said" and for
// quotes that continue over several sentences.
export function resolveClaimants(sentences: AnalysedSentence[]): Array<Claimant | null> {
  const attributions = sentences.map(attribute);
  const resolved: Array<Claimant | null> = [];
  const known = new KnownSpeakers();
  const referents = new Map<string, string>();
  let lastNamed: string | null = null;
  let lastPerson: string | null = null;
  attributions.forEach((a, i) => {
    let result: Claimant | null = null;
    if (a.kind === 'explicit') {
      let text = a.named ? known.expand(a.text) : a.text;
      // "The company said …": the organisation named nearby, or the one "the company" meant
      // last time.
      const noun = referringNoun(text);
      if (noun) {
        const found =
          referents.get(noun) ?? resolveReference(noun, sentences, i, a.tokens[0]!.start, resolved);
        if (found) {
          referents.set(noun, found);
          text = found;
        }
      }
      result = { text, named: a.named };
      if (a.named) {
        known.add(text);
        lastNamed = text;
        if (looksLikePerson(text)) lastPerson = text;
      }
    } else if (a.kind === 'quoted_by') {
      result = { text: a.text, named: a.named };
    } else if (a.kind === 'pronoun') {
      // "he"/"she" is a person: a group such as "Doctors at the hospital" is passed over.
      const speaker = a.person && lastNamed && isGroup(lastNamed) ? lastPerson : lastNamed;
      result = speaker ? { text: speaker, named: true } : null;
    } else if (a.kind === 'continues_previous') {
      result = resolved[i - 1] ?? null;
    } else if (a.kind === 'none' && a.subject) {
      lastNamed = known.expand(a.subject);
      known.add(a.subject);
      if (looksLikePerson(lastNamed)) lastPerson = lastNamed;
    }
    resolved.push(result);
  });
  for (let i = attributions.length - 2; i >= 0; i--) {
    if (attributions[i]!.kind === 'continues_next') resolved[i] = resolved[i + 1] ?? null;
  }
  return resolved;
}
