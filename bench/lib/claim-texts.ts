// Claims as a desk writes them, for the benchmark's submissions: varied sentences about
// varied places, and every tenth one a fresh copy of an earlier claim with a word changed
// (a real duplicate, which the lookup must find). The same seed gives the same texts.
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

export function claimTexts(seed: number): () => string {
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
