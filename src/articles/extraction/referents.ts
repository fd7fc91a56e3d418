import type { Claimant } from './candidate.js';
import type { Token } from './nlp.js';
import type { AnalysedSentence } from './sentences.js';

// How far back "the company said" looks for the company: the sentence itself and three before.
const LOOKBACK = 3;
// Nouns that stand for any organisation named nearby ("the carrier" for Northway Airlines,
// "the operator" for Western Rail), not only one whose name contains the noun.
const GENERIC =
  /^(?:company|firm|carrier|airline|operator|group|club|team|developer|utility|bank|retailer|insurer|maker|manufacturer|business|chain|lender|startup|broadcaster|regulator|watchdog)$/i;
const NOT_NAMES =
  /^(?:The|A|An|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|But|And|He|She|They|It|We|I)$/;

const FUNCTION_WORDS = '(?:the|a|an|of|from|to|in|at|for|and|or|by|with|on|its|their|his|her)';
// People are not "the company": a run with a title in it is a person.
const TITLES =
  /\b(?:Chief|Executive|Officer|President|Minister|Mayor|Mr|Mrs|Ms|Dr|Judge|Councillor|Governor|Secretary|Chairman|Chairwoman|Director|Senator|General|Professor)\b/;

// Lower-case roles that come before a person's name ("striker Joel Amadi").
const ROLE_NOUNS =
  /^(?:striker|forward|defender|midfielder|goalkeeper|captain|manager|coach|player|executive|officer|director|chairman|chairwoman|president|minister|secretary|spokesman|spokeswoman|spokesperson|analyst|economist|founder|owner|chief|head|leader|lawyer|researcher|professor|scientist|author|editor|reporter|pilot|engineer|teacher|organiser|organizer|official|representative|adviser|advisor|councillor|inspector|doctor|nurse)$/;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// "the company", "The carrier", "the agency": a definite description that refers back.
export function referringNoun(claimant: string): string | null {
  const m = /^the\s+(\p{L}+)$/iu.exec(claimant.trim());
  return m ? m[1]!.toLowerCase() : null;
}

// Resolves "the <noun>" in sentence `i` (its attribution starting at `offset`) to the nearest
// organisation it names: first an earlier claimant or a name phrase containing the noun ("the
// board" → "the Lathom school board", "the commission" → "the city’s election commission"), then,
// for a generic noun, the nearest named subject ("SkyLink has lost money …" before "The carrier
// said …"). Returns null when nothing fits, and the description stands.
export function resolveReference(
  noun: string,
  sentences: AnalysedSentence[],
  i: number,
  offset: number,
  resolved: Array<Claimant | null>,
): string | null {
  // An earlier claimant headed by the noun: "the national meteorological agency" for "the agency".
  // Or one holding it as a title: "Sanmore Mayor Elena Pardo" for "the mayor".
  const headRe = new RegExp(`\\b${escape(noun)}s?$`, 'i');
  const titleRe = new RegExp(
    `\\b${escape(noun[0]!.toUpperCase() + noun.slice(1))}\\s+\\p{Lu}`,
    'u',
  );
  for (let j = i - 1; j >= Math.max(0, i - LOOKBACK); j--) {
    const earlier = resolved[j];
    if (
      earlier?.named &&
      referringNoun(earlier.text) === null &&
      (headRe.test(earlier.text) || titleRe.test(earlier.text))
    ) {
      // "a report by the regional health watchdog" → "the regional health watchdog".
      const tail = /\b(?:by|for|from|at)\s+(the\s.*)$/i.exec(earlier.text)?.[1];
      return tail && headRe.test(tail) ? tail : earlier.text;
    }
  }
  const cap = noun[0]!.toUpperCase() + noun.slice(1);
  // A name, then at most two lower-case words that are not function words, then the noun:
  // "the Lathom school board", "Northway Airlines".
  const phraseRe = new RegExp(
    `(?:\\b[Tt]he\\s+)?(?:\\p{Lu}[\\p{L}’'.&-]*\\s+)+(?:(?!${FUNCTION_WORDS}\\b)\\p{Ll}+\\s+){0,2}(?:${escape(noun)}|${escape(cap)})s?\\b`,
    'gu',
  );
  for (let j = i; j >= Math.max(0, i - LOOKBACK); j--) {
    const s = sentences[j]!;
    const text = j === i ? s.text.slice(0, offset - s.start) : s.text;
    const found = [...text.matchAll(phraseRe)].filter((m) => !/^The\s+\p{Ll}/u.test(m[0]));
    if (found.length > 0) return found[found.length - 1]![0].trim();
    if (!GENERIC.test(noun)) continue;
    const tokens = j === i ? s.tokens.filter((t) => t.end <= offset) : s.tokens;
    const subject = lastNamedSubject(tokens, s);
    if (subject) return subject;
  }
  return null;
}

// The last run of proper names that acts as a subject (a verb follows it): "SkyLink has lost",
// "but Northway declined". A person is skipped for the organisation before their role:
// "Castleford Rovers striker Joel Amadi will miss" → "Castleford Rovers".
function lastNamedSubject(tokens: Token[], sentence: AnalysedSentence): string | null {
  const text = (from: number, to: number): string =>
    sentence.text.slice(tokens[from]!.start - sentence.start, tokens[to]!.end - sentence.start);
  for (let k = tokens.length - 1; k > 0; k--) {
    const next = tokens[k]!;
    // "Westhaven Terminals, said": a name closing an apposition before its verb.
    const verbAfterComma = next.text === ',' && ['VERB', 'AUX'].includes(tokens[k + 1]?.pos ?? '');
    if (next.pos !== 'VERB' && next.pos !== 'AUX' && !verbAfterComma) continue;
    let first = k;
    while (first > 0 && isNamePart(tokens[first - 1]!)) first--;
    if (first === k) continue;
    const name = text(first, k - 1);
    const role = tokens[first - 1];
    if (role && ROLE_NOUNS.test(role.text)) {
      let orgFirst = first - 1;
      while (orgFirst > 0 && isNamePart(tokens[orgFirst - 1]!)) orgFirst--;
      if (orgFirst < first - 1) return text(orgFirst, first - 2);
      k = first;
      continue;
    }
    if (!TITLES.test(name)) return name;
    k = first;
  }
  return null;
}

const isNamePart = (t: Token): boolean =>
  /^\p{Lu}/u.test(t.text) &&
  !NOT_NAMES.test(t.text) &&
  // A capitalised word the tagger read as a verb is still part of a name ("Financial Conduct
  // Board").
  ['PROPN', 'NOUN', 'ADJ', 'VERB'].includes(t.pos);
