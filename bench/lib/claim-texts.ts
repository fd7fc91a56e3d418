// Claim texts for the submit loads: varied the way a newsroom's submissions are, rather than
// thousands of copies of one sentence. Real claims differ most in their proper nouns and
// figures (who said it, where, how many), so each text is a sentence of a few shapes with
// a speaker and places made of syllables (a vocabulary of thousands of rare words, as real
// names are), a figure, and common nouns and verbs from short lists. Some texts come out
// alike (same speaker, place and figure), as re-quotes do. Deterministic for a given
// number, so every server measured is sent the same texts.

const ONSETS = ['b', 'd', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou'];
const CODAS = ['', 'n', 'r', 'sk', 'v', 'l', 'nko', 'ra', 'vets', 'ia'];
const TITLES = [
  'Mayor',
  'Governor',
  'Minister',
  'Senator',
  'General',
  'Councillor',
  'Spokesperson',
];
const SUBJECTS = [
  'civilians',
  'homes',
  'schools',
  'hospitals',
  'jobs',
  'refugees',
  'soldiers',
  'voters',
  'farms',
  'bridges',
  'students',
  'patients',
];
const VERBS = ['destroyed', 'displaced', 'lost', 'rebuilt', 'evacuated', 'registered', 'closed'];
const WHEN = ['last week', 'since March', 'this year', 'in two days', 'over the winter', 'in 2025'];

// mulberry32: a small, well-mixed 32-bit generator; one per text, seeded by its number.
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function claimText(n: number): string {
  const random = generator(n * 2654435761);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const name = () => {
    const word = pick(ONSETS) + pick(VOWELS) + pick(ONSETS) + pick(VOWELS) + pick(CODAS);
    return word[0].toUpperCase() + word.slice(1);
  };
  const figure = (1 + Math.floor(random() * 9)) * 10 ** Math.floor(1 + random() * 4);
  const speaker = `${pick(TITLES)} ${name()}`;
  const place = name();
  switch (Math.floor(random() * 3)) {
    case 0:
      return `${speaker} said more than ${figure.toLocaleString('en')} ${pick(SUBJECTS)} were ${pick(VERBS)} in ${place} ${pick(WHEN)}.`;
    case 1:
      return `According to ${speaker}, ${place} has ${pick(VERBS)} ${figure.toLocaleString('en')} ${pick(SUBJECTS)} ${pick(WHEN)}.`;
    default:
      return `${place} ${pick(VERBS)} ${figure.toLocaleString('en')} ${pick(SUBJECTS)} ${pick(WHEN)}, ${speaker} told reporters in ${name()}.`;
  }
}
