// The languages claims and articles are written in (SPEC §15): BCP 47 tags, checked and
// canonicalised by the JavaScript runtime's own Unicode locale data (Intl), so "EN-us"
// is stored as "en-US" and "ukr" as "uk". Imported by the server and by the desk.

// Generous for real tags ("sr-Latn-RS", "zh-Hant-TW", "de-DE-u-co-phonebk").
export const MAX_LANGUAGE_TAG_LENGTH = 64;

// The canonical form of a BCP 47 language tag, or undefined when it is not one. The primary
// language subtag must be a 2–3 letter ISO 639 code: the 5–8 letter form the grammar
// allows is reserved and names no language, and "english" is a mistake worth refusing.
export function canonicalLanguageTag(value: string): string | undefined {
  if (value.length === 0 || value.length > MAX_LANGUAGE_TAG_LENGTH) return undefined;
  let canonical: string;
  try {
    [canonical = ''] = Intl.getCanonicalLocales(value);
  } catch {
    return undefined;
  }
  return /^[a-z]{2,3}(?:-|$)/.test(canonical) ? canonical : undefined;
}

// "uk-UA" → "uk".
export const primaryLanguage = (tag: string): string => tag.split('-')[0]!.toLowerCase();

// Claims in these languages are indexed with PostgreSQL's stemming configuration of that
// name (the set PostgreSQL 15 and 18 both ship); every other language, Ukrainian included,
// with `simple` (words as written, lower-cased) plus trigram matching. Keyed by primary
// language subtag. Changing an entry needs a migration that re-sets claims.search_config
// for the claims in that language.
export const TEXT_SEARCH_CONFIGS: Readonly<Record<string, string>> = {
  ar: 'arabic',
  ca: 'catalan',
  da: 'danish',
  de: 'german',
  el: 'greek',
  en: 'english',
  es: 'spanish',
  eu: 'basque',
  fi: 'finnish',
  fr: 'french',
  ga: 'irish',
  hi: 'hindi',
  hu: 'hungarian',
  hy: 'armenian',
  id: 'indonesian',
  it: 'italian',
  lt: 'lithuanian',
  nb: 'norwegian',
  ne: 'nepali',
  nl: 'dutch',
  nn: 'norwegian',
  no: 'norwegian',
  pt: 'portuguese',
  ro: 'romanian',
  ru: 'russian',
  sr: 'serbian',
  sv: 'swedish',
  ta: 'tamil',
  tr: 'turkish',
  yi: 'yiddish',
};

export const FALLBACK_TEXT_SEARCH_CONFIG = 'simple';

export function textSearchConfigOf(tag: string): string {
  return TEXT_SEARCH_CONFIGS[primaryLanguage(tag)] ?? FALLBACK_TEXT_SEARCH_CONFIG;
}

// Every configuration a claim can be indexed with, each once.
export const TEXT_SEARCH_CONFIG_NAMES: readonly string[] = [
  ...new Set([...Object.values(TEXT_SEARCH_CONFIGS), FALLBACK_TEXT_SEARCH_CONFIG]),
].sort();

// The languages the desk offers in its picker (any other tag may be typed): those of the
// wires and sources a European newsroom meets most.
export const COMMON_LANGUAGES: readonly { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'uk', name: 'Ukrainian' },
  { tag: 'ru', name: 'Russian' },
  { tag: 'es', name: 'Spanish' },
  { tag: 'fr', name: 'French' },
  { tag: 'de', name: 'German' },
  { tag: 'pt', name: 'Portuguese' },
  { tag: 'it', name: 'Italian' },
  { tag: 'pl', name: 'Polish' },
  { tag: 'ar', name: 'Arabic' },
  { tag: 'tr', name: 'Turkish' },
  { tag: 'zh', name: 'Chinese' },
];
